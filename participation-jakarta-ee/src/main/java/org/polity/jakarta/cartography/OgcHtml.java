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

  // The pages of each resource. Each takes the request's addresses and the reader's language.

  /** The landing page. */
  static String landing(OgcLinks links, Locale language) {
    String body =
        "<p>"
            + escape(text("description", language))
            + "</p>\n<ul>\n"
            + "<li><a href=\""
            + escape(links.ogc("collections") + "?f=html")
            + "\">"
            + escape(text("collections", language))
            + "</a></li>\n"
            + "<li><a href=\""
            + escape(links.ogc("conformance") + "?f=html")
            + "\">"
            + escape(text("conformance", language))
            + "</a></li>\n"
            + "<li><a href=\""
            + escape(links.ogc("api"))
            + "\">"
            + escape(text("api", language))
            + "</a></li>\n</ul>\n";
    return page(frame(links, text("title", language), List.of(), language), body);
  }

  /** The conformance declaration. */
  static String conformance(OgcLinks links, List<String> classes, Locale language) {
    StringBuilder body = new StringBuilder("<ul>\n");
    for (String conformance : classes) {
      body.append("<li><a href=\"")
          .append(escape(conformance))
          .append("\">")
          .append(escape(conformance))
          .append("</a></li>\n");
    }
    body.append("</ul>\n");
    return page(frame(links, text("conformance", language), List.of(), language), body.toString());
  }

  /** The table of collections. */
  static String collections(OgcLinks links, List<MapLayer> layers, Locale language) {
    StringBuilder body =
        new StringBuilder("<table class=\"collections\">\n<thead><tr><th>")
            .append(escape(text("collection", language)))
            .append("</th><th>")
            .append(escape(text("items", language)))
            .append("</th></tr></thead>\n<tbody>\n");
    for (MapLayer layer : layers) {
      body.append("<tr class=\"collection\"><td><a href=\"")
          .append(escape(links.collection(layer) + "?f=html"))
          .append("\">")
          .append(escape(layerTitle(layer, language)))
          .append("</a><br><small>")
          .append(escape(layer.description().in(language)))
          .append("</small></td><td><a href=\"")
          .append(escape(links.ogc("collections/" + layer.id() + "/items") + "?f=html"))
          .append("\">")
          .append(escape(text("browse", language)))
          .append("</a></td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return page(frame(links, text("collections", language), List.of(), language), body.toString());
  }

  /** One collection: its description, extent and a link to its items. */
  static String collection(OgcLinks links, MapLayer layer, Locale language) {
    StringBuilder body =
        new StringBuilder("<p>").append(escape(layer.description().in(language))).append("</p>\n");
    org.locationtech.jts.geom.Envelope extent = layer.extent();
    if (!extent.isNull()) {
      body.append("<p>")
          .append(escape(text("extent", language)))
          .append(": ")
          .append(
              escape(
                  extent.getMinX()
                      + ", "
                      + extent.getMinY()
                      + ", "
                      + extent.getMaxX()
                      + ", "
                      + extent.getMaxY()))
          .append("</p>\n");
    }
    body.append("<p><a class=\"items\" href=\"")
        .append(escape(links.ogc("collections/" + layer.id() + "/items") + "?f=html"))
        .append("\">")
        .append(escape(text("browse", language)))
        .append("</a></p>\n");
    return page(
        frame(
            links,
            layerTitle(layer, language),
            List.<String[]>of(collectionsCrumb(links, language)),
            language),
        body.toString());
  }

  /** A page of a collection's items: count, map, paging and the table of features. */
  static String items(
      OgcLinks links,
      MapLayer layer,
      org.polity.cartography.FeaturePage page,
      int skip,
      int size,
      String tilesUrl,
      Locale language) {
    List<GeoJsonFeature> features = page.features();
    StringBuilder body = new StringBuilder();
    body.append("<p class=\"count\">")
        .append(
            escape(
                features.isEmpty()
                    ? text("none", language)
                    : String.format(
                        text("shown", language),
                        skip + 1,
                        skip + features.size(),
                        page.numberMatched())))
        .append("</p>\n");
    body.append(map(language, links.page(skip, size, "json").toString(), tilesUrl));
    paging(body, links, page, skip, size, language);
    featureTable(body, links, layer, features, language);
    String json = links.page(skip, size, "json").toString();
    return page(
        new Frame(
            language,
            layerTitle(layer, language),
            List.of(
                homeCrumb(links, language),
                collectionsCrumb(links, language),
                new String[] {links.collection(layer) + "?f=html", layerTitle(layer, language)}),
            List.<String[]>of(
                new String[] {json, OgcApiResource.GEO_JSON, text("geojson", language)}),
            true,
            links.ogc("assets") + "/"),
        body.toString());
  }

  private static void paging(
      StringBuilder body,
      OgcLinks links,
      org.polity.cartography.FeaturePage page,
      int skip,
      int size,
      Locale language) {
    body.append("<nav class=\"paging\">");
    if (skip > 0) {
      body.append("<a rel=\"prev\" href=\"")
          .append(escape(links.page(Math.max(0, skip - size), size, "html")))
          .append("\">")
          .append(escape(text("prev", language)))
          .append("</a> ");
    }
    if (skip + page.features().size() < page.numberMatched()) {
      body.append("<a rel=\"next\" href=\"")
          .append(escape(links.page(skip + size, size, "html")))
          .append("\">")
          .append(escape(text("next", language)))
          .append("</a>");
    }
    body.append("</nav>\n");
  }

  private static void featureTable(
      StringBuilder body,
      OgcLinks links,
      MapLayer layer,
      List<GeoJsonFeature> features,
      Locale language) {
    body.append("<table class=\"items\">\n<thead><tr><th>")
        .append(escape(text("id", language)))
        .append("</th><th>")
        .append(escape(text("name", language)))
        .append("</th></tr></thead>\n<tbody>\n");
    for (GeoJsonFeature feature : features) {
      String id = feature.optionalId().orElse("");
      body.append("<tr class=\"feature\"><td><a href=\"")
          .append(escape(links.feature(layer, id) + "?f=html"))
          .append("\">")
          .append(escape(id))
          .append("</a></td><td class=\"title\">")
          .append(escape(featureTitle(feature, language)))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");
  }

  /** One feature: its map and the table of its properties. */
  static String feature(
      OgcLinks links,
      MapLayer layer,
      GeoJsonFeature feature,
      String self,
      String tilesUrl,
      Locale language) {
    StringBuilder body = new StringBuilder(map(language, self + "?f=json", tilesUrl));
    body.append("<table class=\"properties\">\n<thead><tr><th>")
        .append(escape(text("property", language)))
        .append("</th><th>")
        .append(escape(text("value", language)))
        .append("</th></tr></thead>\n<tbody>\n")
        .append("<tr><th>id</th><td>")
        .append(escape(feature.optionalId().orElse("")))
        .append("</td></tr>\n");
    for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
      if (property.getValue() == null) {
        continue;
      }
      Object value = property.getValue();
      String shown =
          value instanceof java.util.Collection<?> list
              ? String.join(", ", list.stream().map(String::valueOf).toList())
              : String.valueOf(value);
      body.append("<tr><th>")
          .append(escape(property.getKey()))
          .append("</th><td>")
          .append(escape(shown))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return page(
        new Frame(
            language,
            featureTitle(feature, language),
            List.of(
                homeCrumb(links, language),
                collectionsCrumb(links, language),
                new String[] {links.collection(layer) + "?f=html", layerTitle(layer, language)},
                new String[] {
                  links.ogc("collections/" + layer.id() + "/items") + "?f=html",
                  text("items", language)
                }),
            List.<String[]>of(
                new String[] {
                  self + "?f=json", OgcApiResource.GEO_JSON, text("geojson", language)
                }),
            true,
            links.ogc("assets") + "/"),
        body.toString());
  }

  /** The frame of a page without a map whose JSON alternate is this request with {@code f=json}. */
  private static Frame frame(OgcLinks links, String title, List<String[]> crumbs, Locale language) {
    List<String[]> breadcrumb = new java.util.ArrayList<>();
    breadcrumb.add(homeCrumb(links, language));
    breadcrumb.addAll(crumbs);
    return new Frame(
        language,
        title,
        breadcrumb,
        List.<String[]>of(
            new String[] {links.withFormat("json"), "application/json", text("json", language)}),
        false,
        links.ogc("assets") + "/");
  }

  private static String[] homeCrumb(OgcLinks links, Locale language) {
    return new String[] {links.ogc("") + "?f=html", text("home", language)};
  }

  private static String[] collectionsCrumb(OgcLinks links, Locale language) {
    return new String[] {links.ogc("collections") + "?f=html", text("collections", language)};
  }
}
