package org.polity.jakarta.cartography;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polity.cartography.MapLayer;
import org.polity.geo.GeoJsonFeature;

/**
 * The HTML pages of {@code /ogc} (the "HTML" conformance class of OGC API – Features): small
 * server-rendered pages in French, Dutch or English, every text that comes from data or from the
 * request escaped with {@link #escape}, and a Leaflet map (served by {@link OgcAssetsResource}, not
 * a CDN) on the items and feature pages that reads the page's GeoJSON from its JSON alternate.
 */
final class OgcHtml {

  /** The background tiles when {@code polity.map.tiles-url} is not set. */
  static final String DEFAULT_TILES_URL = CartographyCapability.DEFAULT_MAP_TILES_URL;

  private static final Map<String, Map<String, String>> LABELS =
      Map.ofEntries(
          label("title", "Polity map", "Carte Polity", "Polity-kaart"),
          label(
              "description",
              "Participatory initiatives, projects of participatory budgets and districts.",
              "Initiatives participatives, projets des budgets participatifs et quartiers.",
              "Participatieve initiatieven, projecten van participatieve begrotingen en wijken."),
          label("collections", "Collections", "Collections", "Collecties"),
          label(
              "conformance",
              "Conformance classes",
              "Classes de conformité",
              "Conformiteitsklassen"),
          label(
              "api",
              "API definition (OpenAPI 3.0)",
              "Définition de l'API (OpenAPI 3.0)",
              "API-definitie (OpenAPI 3.0)"),
          label("items", "Features", "Éléments", "Objecten"),
          label("browse", "Browse the features", "Parcourir les éléments", "Objecten bekijken"),
          label("json", "This page as JSON", "Cette page en JSON", "Deze pagina als JSON"),
          label(
              "geojson",
              "This page as GeoJSON",
              "Cette page en GeoJSON",
              "Deze pagina als GeoJSON"),
          label("next", "Next page", "Page suivante", "Volgende pagina"),
          label("prev", "Previous page", "Page précédente", "Vorige pagina"),
          label(
              "shown",
              "Features %d to %d of %d",
              "Éléments %d à %d sur %d",
              "Objecten %d tot %d van %d"),
          label(
              "none",
              "No feature matches.",
              "Aucun élément ne correspond.",
              "Geen enkel object komt overeen."),
          label("id", "Identifier", "Identifiant", "Identificatie"),
          label("name", "Title", "Titre", "Titel"),
          label("property", "Property", "Propriété", "Eigenschap"),
          label("value", "Value", "Valeur", "Waarde"),
          label("collection", "Collection", "Collection", "Collectie"),
          label("home", "Map service", "Service cartographique", "Kaartdienst"),
          label("extent", "Extent (WGS 84)", "Étendue (WGS 84)", "Omvang (WGS 84)"),
          label("map", "Map", "Carte", "Kaart"));

  private OgcHtml() {}

  private static Map.Entry<String, Map<String, String>> label(
      String key, String en, String fr, String nl) {
    return Map.entry(key, Map.of("en", en, "fr", fr, "nl", nl));
  }

  /**
   * Escapes a text for HTML content and double-quoted attributes.
   *
   * @param text any text, {@code null} giving the empty string
   * @return the text with {@code & < > " '} replaced by character references
   */
  static String escape(Object text) {
    if (text == null) {
      return "";
    }
    String s = text.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A label in the language (English when the language has none). */
  static String text(String key, Locale language) {
    Map<String, String> texts = LABELS.get(key);
    if (texts == null) {
      throw new IllegalArgumentException("No HTML label '" + key + "': add it to OgcHtml.LABELS.");
    }
    return texts.getOrDefault(language.getLanguage(), texts.get("en"));
  }

  /** The page frame: head with the alternate links, a breadcrumb and the body. */
  record Frame(
      Locale language,
      String title,
      List<String[]> breadcrumb,
      List<String[]> alternates,
      boolean map,
      String assets) {}

  static String page(Frame frame, String body) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(escape(frame.language().getLanguage()))
        .append("\">\n<head>\n")
        .append(
            "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(frame.title()))
        .append(" – ")
        .append(escape(text("title", frame.language())))
        .append("</title>\n");
    for (String[] alternate : frame.alternates()) {
      html.append("<link rel=\"alternate\" type=\"")
          .append(escape(alternate[1]))
          .append("\" href=\"")
          .append(escape(alternate[0]))
          .append("\">\n");
    }
    if (frame.map()) {
      html.append("<link rel=\"stylesheet\" href=\"")
          .append(escape(frame.assets()))
          .append("leaflet.css\">\n")
          .append("<script src=\"")
          .append(escape(frame.assets()))
          .append("leaflet.js\"></script>\n")
          .append("<script src=\"")
          .append(escape(frame.assets()))
          .append("polity-map.js\" defer></script>\n");
    }
    html.append(
            "<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem}")
        .append(
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}")
        .append("#map{height:28rem;margin:1rem 0}nav.crumbs a{margin-right:.25rem}</style>\n")
        .append("</head>\n<body>\n<nav class=\"crumbs\">");
    for (int i = 0; i < frame.breadcrumb().size(); i++) {
      String[] crumb = frame.breadcrumb().get(i);
      html.append(i == 0 ? "" : " › ")
          .append("<a href=\"")
          .append(escape(crumb[0]))
          .append("\">")
          .append(escape(crumb[1]))
          .append("</a>");
    }
    html.append("</nav>\n<h1>").append(escape(frame.title())).append("</h1>\n").append(body);
    html.append("<p class=\"alternates\">");
    for (String[] alternate : frame.alternates()) {
      html.append("<a rel=\"alternate\" type=\"")
          .append(escape(alternate[1]))
          .append("\" href=\"")
          .append(escape(alternate[0]))
          .append("\">")
          .append(escape(alternate[2]))
          .append("</a> ");
    }
    html.append("</p>\n</body>\n</html>\n");
    return html.toString();
  }

  /** The map element: polity-map.js draws the GeoJSON at {@code dataUrl} over the tiles. */
  static String map(Locale language, String dataUrl, String tilesUrl) {
    return "<div id=\"map\" role=\"region\" aria-label=\""
        + escape(text("map", language))
        + "\" data-geojson=\""
        + escape(dataUrl)
        + "\" data-tiles=\""
        + escape(tilesUrl)
        + "\" data-attribution=\""
        + escape(tilesUrl.equals(DEFAULT_TILES_URL) ? "© OpenStreetMap contributors" : "")
        + "\"></div>\n";
  }

  /**
   * The title of a feature in the language: {@code title_<language>}, {@code title}, {@code
   * name_<language>}, {@code name}, else its id.
   */
  static String featureTitle(GeoJsonFeature feature, Locale language) {
    Map<String, Object> p = feature.properties();
    for (String key :
        List.of(
            "title_" + language.getLanguage(), "title", "name_" + language.getLanguage(), "name")) {
      Object value = p.get(key);
      if (value != null && !value.toString().isBlank()) {
        return value.toString();
      }
    }
    return feature.optionalId().orElse("");
  }

  /** A layer's title in the language. */
  static String layerTitle(MapLayer layer, Locale language) {
    return layer.title().in(language);
  }
}
