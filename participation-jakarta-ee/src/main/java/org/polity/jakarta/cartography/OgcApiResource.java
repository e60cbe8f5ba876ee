package org.polity.jakarta.cartography;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.locationtech.jts.geom.Envelope;
import org.polity.cartography.FeaturePage;
import org.polity.cartography.InitiativeLayer;
import org.polity.cartography.InitiativePage;
import org.polity.cartography.InitiativeQuery;
import org.polity.cartography.LayerQuery;
import org.polity.cartography.MapLayer;
import org.polity.geo.GeoJsonFeature;
import org.polity.geo.GeoJsonWriter;
import org.polity.jakarta.eligibility.DecisionJson;
import org.polity.jakarta.problem.InvalidInputException;

/**
 * OGC API – Features, Part 1: Core, under {@code /ogc}, with the GeoJSON, HTML and OpenAPI 3.0
 * conformance classes. Every endpoint is public (the map shows published content only).
 *
 * <p>Every resource but {@code /ogc/api} answers HTML (pages in the reader's language, with a
 * Leaflet map of the features; see {@link OgcHtml}) when the query says {@code f=html} or when
 * {@code Accept} prefers {@code text/html} (browsers); {@code f=json} (or {@code f=geojson}) forces
 * JSON, which stays the default for every other client. Each representation links to the others
 * with {@code rel=alternate}.
 *
 * <ul>
 *   <li>{@code GET /ogc}: landing page; {@code GET /ogc/conformance};
 *   <li>{@code GET /ogc/collections}, {@code GET /ogc/collections/{collectionId}};
 *   <li>{@code GET /ogc/collections/{collectionId}/items} with {@code limit} (default {@value
 *       #DEFAULT_LIMIT}, clamped to {@value #MAX_LIMIT}), {@code bbox} (WGS 84 lon/lat), {@code
 *       datetime} (an instant, a date, or an interval with {@code ..} for an open end), {@code
 *       offset} (set by the {@code next} link); answers {@code application/geo+json} with {@code
 *       numberMatched}, {@code numberReturned}, {@code timeStamp} and {@code self}/{@code next}
 *       links;
 *   <li>{@code GET /ogc/collections/{collectionId}/items/{featureId}}.
 * </ul>
 *
 * Unknown query parameters and malformed values answer 400 (a problem document naming the
 * parameter); unknown collections and features answer 404.
 */
@Path("ogc")
@RequestScoped
@Tag(name = "Map (OGC API – Features)")
public class OgcApiResource {

  /** The page size when {@code limit} is not given. */
  public static final int DEFAULT_LIMIT = 10;

  /** The largest page; a larger {@code limit} is clamped to it. */
  public static final int MAX_LIMIT = 1000;

  static final String GEO_JSON = "application/geo+json";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeoJsonWriter WRITER = new GeoJsonWriter();
  private static final Set<String> FORMAT_ONLY = Set.of("f");
  private static final Set<String> ITEMS_PARAMETERS =
      Set.of("f", "limit", "offset", "bbox", "datetime");

  /** The extra filters of the {@code initiatives} collection (declared in the OpenAPI document). */
  static final Set<String> INITIATIVE_PARAMETERS =
      Set.of("f", "limit", "offset", "bbox", "datetime", "kind", "theme", "scale", "within");

  @Inject MapLayers map;
  @Inject Initiatives initiatives;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  /** Creates the resource; CDI calls it. */
  public OgcApiResource() {}

  /**
   * The landing page: links to the API definition, the conformance declaration and the collections.
   *
   * @return the landing page
   */
  @GET
  @Produces({"application/json", "text/html"})
  @PermitAll
  @Operation(summary = "Landing page of the map service (OGC API – Features)")
  @APIResponse(responseCode = "200", description = "The landing page")
  public Response landingPage() {
    checkParameters(FORMAT_ONLY, true);
    if (wantsHtml()) {
      Locale language = language();
      String body =
          "<p>"
              + OgcHtml.escape(OgcHtml.text("description", language))
              + "</p>\n<ul>\n"
              + "<li><a href=\""
              + OgcHtml.escape(ogc("collections") + "?f=html")
              + "\">"
              + OgcHtml.escape(OgcHtml.text("collections", language))
              + "</a></li>\n"
              + "<li><a href=\""
              + OgcHtml.escape(ogc("conformance") + "?f=html")
              + "\">"
              + OgcHtml.escape(OgcHtml.text("conformance", language))
              + "</a></li>\n"
              + "<li><a href=\""
              + OgcHtml.escape(ogc("api"))
              + "\">"
              + OgcHtml.escape(OgcHtml.text("api", language))
              + "</a></li>\n</ul>\n";
      return html(
          frame(OgcHtml.text("title", language), List.of(), "application/json", false), body);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("title", "Polity map");
    page.put(
        "description",
        "Participatory initiatives, projects of participatory budgets and districts,"
            + " served as OGC API – Features.");
    page.put(
        "links",
        List.of(
            link(ogc(""), "self", "application/json", "This document"),
            link(ogc("") + "?f=html", "alternate", "text/html", "This document as HTML"),
            link(
                ogc("api"),
                "service-desc",
                "application/vnd.oai.openapi+json;version=3.0",
                "The API definition (OpenAPI 3.0)"),
            link(ogc("conformance"), "conformance", "application/json", "Conformance classes"),
            link(ogc("collections"), "data", "application/json", "The collections")));
    return json(page);
  }

  /**
   * The conformance classes this service implements.
   *
   * @return the declaration
   */
  @GET
  @Path("conformance")
  @Produces({"application/json", "text/html"})
  @PermitAll
  @Operation(summary = "Conformance classes of the map service")
  @APIResponse(responseCode = "200", description = "The conformance declaration")
  public Response conformance() {
    checkParameters(FORMAT_ONLY, true);
    if (wantsHtml()) {
      Locale language = language();
      StringBuilder body = new StringBuilder("<ul>\n");
      for (String conformance : CONFORMANCE) {
        body.append("<li><a href=\"")
            .append(OgcHtml.escape(conformance))
            .append("\">")
            .append(OgcHtml.escape(conformance))
            .append("</a></li>\n");
      }
      body.append("</ul>\n");
      return html(
          frame(OgcHtml.text("conformance", language), List.of(), "application/json", false),
          body.toString());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "links",
        List.of(
            link(ogc("conformance"), "self", "application/json", "This document"),
            link(
                ogc("conformance") + "?f=html",
                "alternate",
                "text/html",
                "This document as HTML")));
    body.put("conformsTo", CONFORMANCE);
    return json(body);
  }

  /** The conformance classes declared by {@code /ogc/conformance}. */
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

  /**
   * The OpenAPI 3.0 description of the map service (the landing page's {@code service-desc}): the
   * {@code /ogc} paths with their parameters and answers, the extra filters of the initiatives
   * collection included. (The application's own document at {@code /openapi} is OpenAPI 3.1.)
   *
   * @return the document
   */
  @GET
  @Path("api")
  @Produces({"application/vnd.oai.openapi+json;version=3.0", "application/json"})
  @PermitAll
  @Operation(summary = "OpenAPI 3.0 description of the map service")
  @APIResponse(responseCode = "200", description = "The OpenAPI 3.0 document")
  public Response api() {
    checkParameters(FORMAT_ONLY, false);
    return Response.ok(OgcOpenApi.document(ogc("")), "application/vnd.oai.openapi+json;version=3.0")
        .build();
  }

  /**
   * Every collection.
   *
   * @return the collections
   */
  @GET
  @Path("collections")
  @Produces({"application/json", "text/html"})
  @PermitAll
  @Operation(summary = "The map's collections")
  @APIResponse(responseCode = "200", description = "The collections")
  public Response collections() {
    checkParameters(FORMAT_ONLY, true);
    if (wantsHtml()) {
      Locale language = language();
      StringBuilder body =
          new StringBuilder("<table class=\"collections\">\n<thead><tr><th>")
              .append(OgcHtml.escape(OgcHtml.text("collection", language)))
              .append("</th><th>")
              .append(OgcHtml.escape(OgcHtml.text("items", language)))
              .append("</th></tr></thead>\n<tbody>\n");
      for (MapLayer layer : map.layers()) {
        body.append("<tr class=\"collection\"><td><a href=\"")
            .append(OgcHtml.escape(ogc("collections/" + layer.id()) + "?f=html"))
            .append("\">")
            .append(OgcHtml.escape(OgcHtml.layerTitle(layer, language)))
            .append("</a><br><small>")
            .append(OgcHtml.escape(layer.description().in(language)))
            .append("</small></td><td><a href=\"")
            .append(OgcHtml.escape(ogc("collections/" + layer.id() + "/items") + "?f=html"))
            .append("\">")
            .append(OgcHtml.escape(OgcHtml.text("browse", language)))
            .append("</a></td></tr>\n");
      }
      body.append("</tbody>\n</table>\n");
      return html(
          frame(OgcHtml.text("collections", language), List.of(), "application/json", false),
          body.toString());
    }
    List<Object> collections = new ArrayList<>();
    for (MapLayer layer : map.layers()) {
      collections.add(describe(layer));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "links",
        List.of(
            link(ogc("collections"), "self", "application/json", "The collections"),
            link(
                ogc("collections") + "?f=html",
                "alternate",
                "text/html",
                "The collections as HTML")));
    body.put("collections", collections);
    return json(body);
  }

  /**
   * One collection.
   *
   * @param collectionId the collection
   * @return its description, or 404
   */
  @GET
  @Path("collections/{collectionId}")
  @Produces({"application/json", "text/html"})
  @PermitAll
  @Operation(summary = "One collection of the map")
  @APIResponse(responseCode = "200", description = "The collection")
  @APIResponse(responseCode = "404", description = "No such collection")
  public Response collection(@PathParam("collectionId") String collectionId) {
    checkParameters(FORMAT_ONLY, true);
    MapLayer layer = layer(collectionId);
    if (wantsHtml()) {
      Locale language = language();
      StringBuilder body =
          new StringBuilder("<p>")
              .append(OgcHtml.escape(layer.description().in(language)))
              .append("</p>\n");
      Envelope extent = layer.extent();
      if (!extent.isNull()) {
        body.append("<p>")
            .append(OgcHtml.escape(OgcHtml.text("extent", language)))
            .append(": ")
            .append(
                OgcHtml.escape(
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
          .append(OgcHtml.escape(ogc("collections/" + layer.id() + "/items") + "?f=html"))
          .append("\">")
          .append(OgcHtml.escape(OgcHtml.text("browse", language)))
          .append("</a></p>\n");
      return html(
          frame(
              OgcHtml.layerTitle(layer, language),
              List.<String[]>of(collectionsCrumb(language)),
              "application/json",
              false),
          body.toString());
    }
    return json(describe(layer));
  }

  /**
   * A page of a collection's features.
   *
   * @param collectionId the collection
   * @param limit the page size (clamped to {@value #MAX_LIMIT})
   * @param offset how many features to skip (from the {@code next} link)
   * @param bbox {@code minLon,minLat,maxLon,maxLat}
   * @param datetime an instant, a date or an interval {@code start/end} ({@code ..} for open)
   * @return a GeoJSON FeatureCollection
   */
  @GET
  @Path("collections/{collectionId}/items")
  @Produces({GEO_JSON, "application/json", "text/html"})
  @PermitAll
  @Operation(summary = "Features of a collection, by page, bbox and datetime")
  @APIResponse(responseCode = "200", description = "A GeoJSON FeatureCollection")
  @APIResponse(responseCode = "400", description = "An unknown or malformed query parameter")
  @APIResponse(responseCode = "404", description = "No such collection")
  public Response items(
      @PathParam("collectionId") String collectionId,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("bbox") String bbox,
      @QueryParam("datetime") String datetime,
      @QueryParam("kind") String kind,
      @QueryParam("theme") String theme,
      @QueryParam("scale") String scale,
      @QueryParam("within") String within) {
    MapLayer layer = layer(collectionId);
    boolean initiativeLayer = layer.id().equals(InitiativeLayer.ID);
    checkParameters(initiativeLayer ? INITIATIVE_PARAMETERS : ITEMS_PARAMETERS);
    int size = Math.min(OgcParameters.limit(limit, DEFAULT_LIMIT), MAX_LIMIT);
    int skip = OgcParameters.offset(offset);
    Envelope box = OgcParameters.bbox(bbox);
    OgcParameters.Interval interval = OgcParameters.datetime(datetime);
    FeaturePage page;
    if (initiativeLayer) {
      InitiativeQuery query =
          InitiativeFilters.query(
              box, interval.from(), interval.to(), kind, theme, scale, within, map);
      InitiativePage found = initiatives.loaded().find(query, skip, size); // layer() refreshed it
      page =
          new FeaturePage(
              found.items().stream().map(InitiativeLayer::feature).toList(), found.numberMatched());
    } else {
      page = layer.features(new LayerQuery(box, interval.from(), interval.to(), skip, size));
    }

    if (wantsHtml()) {
      return itemsPage(layer, page, skip, size);
    }
    List<Object> links = new ArrayList<>();
    links.add(link(pageUri(skip, size).toString(), "self", GEO_JSON, "This page"));
    links.add(
        link(
            pageUri(skip, size, "html").toString(), "alternate", "text/html", "This page as HTML"));
    if (skip + page.features().size() < page.numberMatched()) {
      links.add(link(pageUri(skip + size, size).toString(), "next", GEO_JSON, "Next page"));
    }
    if (skip > 0) {
      links.add(
          link(
              pageUri(Math.max(0, skip - size), size).toString(),
              "prev",
              GEO_JSON,
              "Previous page"));
    }
    links.add(
        link(ogc("collections/" + layer.id()), "collection", "application/json", "The collection"));
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("links", links);
    members.put("numberMatched", page.numberMatched());
    members.put("numberReturned", page.features().size());
    members.put("timeStamp", Instant.now().toString());
    List<GeoJsonFeature> features = page.features();
    StreamingOutput body = out -> WRITER.write(out, features, members);
    return Response.ok(body, GEO_JSON).build();
  }

  /**
   * One feature.
   *
   * @param collectionId the collection
   * @param featureId the feature
   * @return a GeoJSON Feature, or 404
   */
  @GET
  @Path("collections/{collectionId}/items/{featureId}")
  @Produces({GEO_JSON, "application/json", "text/html"})
  @PermitAll
  @Operation(summary = "One feature of a collection")
  @APIResponse(responseCode = "200", description = "A GeoJSON Feature")
  @APIResponse(responseCode = "404", description = "No such collection or feature")
  public Response item(
      @PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId) {
    checkParameters(FORMAT_ONLY, true);
    MapLayer layer = layer(collectionId);
    GeoJsonFeature feature =
        layer
            .feature(featureId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Collection " + layer.id() + " has no feature " + featureId + "."));
    String self =
        ogc("collections/" + layer.id() + "/items/" + UriBuilder.fromPath("{id}").build(featureId));
    if (wantsHtml()) {
      return featurePage(layer, feature, self);
    }
    Map<String, Object> members =
        Map.of(
            "links",
            List.of(
                link(self, "self", GEO_JSON, "This feature"),
                link(self + "?f=html", "alternate", "text/html", "This feature as HTML"),
                link(
                    ogc("collections/" + layer.id()),
                    "collection",
                    "application/json",
                    "The collection")));
    StreamingOutput body = out -> WRITER.writeFeature(out, feature, members);
    return Response.ok(body, GEO_JSON).build();
  }

  private MapLayer layer(String id) {
    return map.layer(id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "There is no collection '" + id + "': see " + ogc("collections") + "."));
  }

  private Map<String, Object> describe(MapLayer layer) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("id", layer.id());
    collection.put("title", layer.title().in(Locale.ENGLISH));
    collection.put("description", layer.description().in(Locale.ENGLISH));
    collection.put("itemType", "feature");
    collection.put("crs", List.of(CRS84));
    Envelope extent = layer.extent();
    if (!extent.isNull()) {
      collection.put(
          "extent",
          Map.of(
              "spatial",
              Map.of(
                  "bbox",
                  List.of(
                      List.of(
                          extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())),
                  "crs",
                  CRS84)));
    }
    collection.put(
        "links",
        List.of(
            link(ogc("collections/" + layer.id()), "self", "application/json", "This collection"),
            link(
                ogc("collections/" + layer.id()) + "?f=html",
                "alternate",
                "text/html",
                "This collection as HTML"),
            link(ogc("collections/" + layer.id() + "/items"), "items", GEO_JSON, "Its features")));
    return collection;
  }

  private URI pageUri(int offset, int limit) {
    UriBuilder builder =
        uri.getRequestUriBuilder()
            .replaceQueryParam("offset", offset)
            .replaceQueryParam("limit", limit);
    return builder.build();
  }

  /** A page's URI in a format ({@code html} or {@code json}). */
  private URI pageUri(int offset, int limit, String format) {
    return uri.getRequestUriBuilder()
        .replaceQueryParam("offset", offset)
        .replaceQueryParam("limit", limit)
        .replaceQueryParam("f", format)
        .build();
  }

  private Response itemsPage(MapLayer layer, FeaturePage page, int skip, int size) {
    Locale language = language();
    List<GeoJsonFeature> features = page.features();
    StringBuilder body = new StringBuilder();
    if (features.isEmpty()) {
      body.append("<p class=\"count\">")
          .append(OgcHtml.escape(OgcHtml.text("none", language)))
          .append("</p>\n");
    } else {
      body.append("<p class=\"count\">")
          .append(
              OgcHtml.escape(
                  String.format(
                      OgcHtml.text("shown", language),
                      skip + 1,
                      skip + features.size(),
                      page.numberMatched())))
          .append("</p>\n");
    }
    body.append(OgcHtml.map(language, pageUri(skip, size, "json").toString(), map.tilesUrl()));
    body.append("<nav class=\"paging\">");
    if (skip > 0) {
      body.append("<a rel=\"prev\" href=\"")
          .append(OgcHtml.escape(pageUri(Math.max(0, skip - size), size, "html")))
          .append("\">")
          .append(OgcHtml.escape(OgcHtml.text("prev", language)))
          .append("</a> ");
    }
    if (skip + features.size() < page.numberMatched()) {
      body.append("<a rel=\"next\" href=\"")
          .append(OgcHtml.escape(pageUri(skip + size, size, "html")))
          .append("\">")
          .append(OgcHtml.escape(OgcHtml.text("next", language)))
          .append("</a>");
    }
    body.append("</nav>\n<table class=\"items\">\n<thead><tr><th>")
        .append(OgcHtml.escape(OgcHtml.text("id", language)))
        .append("</th><th>")
        .append(OgcHtml.escape(OgcHtml.text("name", language)))
        .append("</th></tr></thead>\n<tbody>\n");
    for (GeoJsonFeature feature : features) {
      String id = feature.optionalId().orElse("");
      body.append("<tr class=\"feature\"><td><a href=\"")
          .append(
              OgcHtml.escape(
                  ogc(
                          "collections/"
                              + layer.id()
                              + "/items/"
                              + UriBuilder.fromPath("{id}").build(id))
                      + "?f=html"))
          .append("\">")
          .append(OgcHtml.escape(id))
          .append("</a></td><td class=\"title\">")
          .append(OgcHtml.escape(OgcHtml.featureTitle(feature, language)))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    String json = pageUri(skip, size, "json").toString();
    return html(
        new OgcHtml.Frame(
            language,
            OgcHtml.layerTitle(layer, language),
            List.of(
                homeCrumb(language),
                collectionsCrumb(language),
                new String[] {
                  ogc("collections/" + layer.id()) + "?f=html", OgcHtml.layerTitle(layer, language)
                }),
            List.<String[]>of(new String[] {json, GEO_JSON, OgcHtml.text("geojson", language)}),
            true,
            ogc("assets") + "/"),
        body.toString());
  }

  private Response featurePage(MapLayer layer, GeoJsonFeature feature, String self) {
    Locale language = language();
    StringBuilder body = new StringBuilder(OgcHtml.map(language, self + "?f=json", map.tilesUrl()));
    body.append("<table class=\"properties\">\n<thead><tr><th>")
        .append(OgcHtml.escape(OgcHtml.text("property", language)))
        .append("</th><th>")
        .append(OgcHtml.escape(OgcHtml.text("value", language)))
        .append("</th></tr></thead>\n<tbody>\n")
        .append("<tr><th>id</th><td>")
        .append(OgcHtml.escape(feature.optionalId().orElse("")))
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
          .append(OgcHtml.escape(property.getKey()))
          .append("</th><td>")
          .append(OgcHtml.escape(shown))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return html(
        new OgcHtml.Frame(
            language,
            OgcHtml.featureTitle(feature, language),
            List.of(
                homeCrumb(language),
                collectionsCrumb(language),
                new String[] {
                  ogc("collections/" + layer.id()) + "?f=html", OgcHtml.layerTitle(layer, language)
                },
                new String[] {
                  ogc("collections/" + layer.id() + "/items") + "?f=html",
                  OgcHtml.text("items", language)
                }),
            List.<String[]>of(
                new String[] {self + "?f=json", GEO_JSON, OgcHtml.text("geojson", language)}),
            true,
            ogc("assets") + "/"),
        body.toString());
  }

  /** The frame of a page without a map whose JSON alternate is this request with {@code f=json}. */
  private OgcHtml.Frame frame(
      String title, List<String[]> crumbs, String jsonType, boolean withMap) {
    Locale language = language();
    List<String[]> breadcrumb = new ArrayList<>();
    breadcrumb.add(new String[] {ogc("") + "?f=html", OgcHtml.text("home", language)});
    breadcrumb.addAll(crumbs);
    String json = uri.getRequestUriBuilder().replaceQueryParam("f", "json").build().toString();
    return new OgcHtml.Frame(
        language,
        title,
        breadcrumb,
        List.<String[]>of(new String[] {json, jsonType, OgcHtml.text("json", language)}),
        withMap,
        ogc("assets") + "/");
  }

  private String[] homeCrumb(Locale language) {
    return new String[] {ogc("") + "?f=html", OgcHtml.text("home", language)};
  }

  private String[] collectionsCrumb(Locale language) {
    return new String[] {ogc("collections") + "?f=html", OgcHtml.text("collections", language)};
  }

  /**
   * Whether to answer HTML: {@code f=html}, or no {@code f} and an {@code Accept} whose most
   * preferred explicit type is {@code text/html} (as browsers send); JSON otherwise.
   */
  private boolean wantsHtml() {
    String format = uri.getQueryParameters().getFirst("f");
    if (format != null) {
      return format.equalsIgnoreCase("html");
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        return false;
      }
      if (!type.isWildcardSubtype() && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
        return true;
      }
      if (type.getSubtype().endsWith("json")) {
        return false;
      }
    }
    return false;
  }

  private Locale language() {
    try {
      return DecisionJson.language(headers.getAcceptableLanguages());
    } catch (RuntimeException malformed) {
      return Locale.ENGLISH;
    }
  }

  private static Response html(OgcHtml.Frame frame, String body) {
    return Response.ok(OgcHtml.page(frame, body), "text/html;charset=utf-8")
        .header("Vary", "Accept, Accept-Language")
        .build();
  }

  private String ogc(String path) {
    return uri.getBaseUri().resolve("ogc" + (path.isEmpty() ? "" : "/" + path)).toString();
  }

  private static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
    return link;
  }

  private void checkParameters(Set<String> allowed) {
    checkParameters(allowed, true);
  }

  private void checkParameters(Set<String> allowed, boolean htmlServed) {
    List<org.polity.jakarta.problem.Problem.FieldError> errors = new ArrayList<>();
    for (String name : uri.getQueryParameters().keySet()) {
      if (!allowed.contains(name)) {
        errors.add(
            new org.polity.jakarta.problem.Problem.FieldError(
                name,
                "unknown query parameter: this endpoint takes "
                    + new java.util.TreeSet<>(allowed)
                    + "."));
      }
    }
    String format = uri.getQueryParameters().getFirst("f");
    Set<String> formats =
        htmlServed ? Set.of("json", "geojson", "html") : Set.of("json", "geojson");
    if (format != null && !formats.contains(format.toLowerCase(Locale.ROOT))) {
      errors.add(
          new org.polity.jakarta.problem.Problem.FieldError(
              "f",
              "'"
                  + format
                  + "' is not a format served here: use "
                  + (htmlServed ? "html, " : "")
                  + "json (or geojson for features)."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static Response json(Object body) {
    try {
      return Response.ok(JSON.writeValueAsString(body), "application/json").build();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
