package org.polity.jakarta.cartography;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.cartography.InitiativeLayer;
import org.polity.cartography.MapLayer;
import org.polity.geo.GeoJsonFeature;
import org.polity.geo.GeoJsonWriter;
import org.polity.jakarta.http.Languages;

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
 *       #DEFAULT_LIMIT}, clamped to {@value #MAX_LIMIT}, the maximum the API definition declares),
 *       {@code bbox} (WGS 84 lon/lat, 4 numbers or 6 with heights, across the antimeridian when
 *       {@code minLon > maxLon}), {@code datetime} (an instant, a date, or an interval with {@code
 *       ..} for an open end), {@code offset} (set by the {@code next} link); answers {@code
 *       application/geo+json} with {@code numberMatched}, {@code numberReturned}, {@code timeStamp}
 *       and {@code self}/{@code next} links;
 *   <li>{@code GET /ogc/collections/{collectionId}/items/{featureId}}.
 * </ul>
 *
 * Unknown query parameters and malformed values answer 400 (a problem document naming the
 * parameter); unknown collections and features answer 404. The resource translates HTTP only:
 * {@link Initiatives} serves the collections and features, {@link OgcParameters} reads the query,
 * {@link OgcLinks} writes the links and JSON documents, {@link OgcHtml} the HTML pages.
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

  @Inject Initiatives initiatives;
  @Inject MapLayers map;
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
    OgcParameters.check(uri.getQueryParameters(), FORMAT_ONLY, true);
    return wantsHtml() ? html(OgcHtml.landing(links(), language())) : json(links().landing());
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
    OgcParameters.check(uri.getQueryParameters(), FORMAT_ONLY, true);
    return wantsHtml()
        ? html(OgcHtml.conformance(links(), CONFORMANCE, language()))
        : json(links().conformance(CONFORMANCE));
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
    OgcParameters.check(uri.getQueryParameters(), FORMAT_ONLY, false);
    return Response.ok(
            OgcOpenApi.document(links().ogc("")), "application/vnd.oai.openapi+json;version=3.0")
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
    OgcParameters.check(uri.getQueryParameters(), FORMAT_ONLY, true);
    List<MapLayer> layers = initiatives.collections();
    return wantsHtml()
        ? html(OgcHtml.collections(links(), layers, language()))
        : json(links().collections(layers));
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
    OgcParameters.check(uri.getQueryParameters(), FORMAT_ONLY, true);
    MapLayer layer = initiatives.collection(collectionId).orElseThrow();
    return wantsHtml()
        ? html(OgcHtml.collection(links(), layer, language()))
        : json(links().describe(layer));
  }

  /**
   * A page of a collection's features.
   *
   * @param collectionId the collection
   * @param limit the page size (clamped to {@value #MAX_LIMIT})
   * @param offset how many features to skip (from the {@code next} link)
   * @param bbox {@code minLon,minLat,maxLon,maxLat}, or six numbers with the heights ({@code
   *     minLon,minLat,minHeight,maxLon,maxLat,maxHeight}, ignored by the 2-D map); a {@code minLon}
   *     larger than {@code maxLon} crosses the antimeridian
   * @param datetime an instant, a date or an interval {@code start/end} ({@code ..} for open)
   * @param kind kind codes (initiatives)
   * @param theme theme codes (initiatives)
   * @param scale scale codes (initiatives)
   * @param within a district id (initiatives)
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
    MapLayer layer = initiatives.collection(collectionId).orElseThrow();
    boolean initiativeLayer = layer.id().equals(InitiativeLayer.ID);
    OgcParameters.check(
        uri.getQueryParameters(), initiativeLayer ? INITIATIVE_PARAMETERS : ITEMS_PARAMETERS, true);
    int size = Math.min(OgcParameters.limit(limit, DEFAULT_LIMIT), MAX_LIMIT);
    int skip = OgcParameters.offset(offset);
    var box = OgcParameters.bbox(bbox);
    OgcParameters.Interval interval = OgcParameters.datetime(datetime);
    Initiatives.Items items =
        initiatives.items(
            layer,
            new Initiatives.ItemsQuery(
                box, interval.from(), interval.to(), skip, size, kind, theme, scale, within));
    return wantsHtml()
        ? html(OgcHtml.items(links(), layer, items.page(), skip, size, map.tilesUrl(), language()))
        : itemsJson(layer, items, skip, size);
  }

  private Response itemsJson(MapLayer layer, Initiatives.Items items, int skip, int size) {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("links", links().itemsLinks(layer, items.page(), skip, size));
    members.put("numberMatched", items.page().numberMatched());
    members.put("numberReturned", items.page().features().size());
    members.put("timeStamp", items.timeStamp().toString());
    List<GeoJsonFeature> features = items.page().features();
    StreamingOutput body = out -> WRITER.write(out, features, members);
    return shared(Response.ok(body, GEO_JSON));
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
    OgcParameters.check(uri.getQueryParameters(), FORMAT_ONLY, true);
    MapLayer layer = initiatives.collection(collectionId).orElseThrow();
    GeoJsonFeature feature = initiatives.feature(layer, featureId).orElseThrow();
    String self = links().feature(layer, featureId);
    if (wantsHtml()) {
      return html(OgcHtml.feature(links(), layer, feature, self, map.tilesUrl(), language()));
    }
    Map<String, Object> members = Map.of("links", links().featureLinks(layer, self));
    StreamingOutput body = out -> WRITER.writeFeature(out, feature, members);
    return shared(Response.ok(body, GEO_JSON));
  }

  private OgcLinks links() {
    return new OgcLinks(uri, publicBase(), wantsHtml());
  }

  /** Read per request: the configuration is the running application's (tests start several). */
  private static java.util.Optional<java.net.URI> publicBase() {
    return org.polity.jakarta.http.HttpCapability.publicBaseUrl(
        org.eclipse.microprofile.config.ConfigProvider.getConfig());
  }

  /**
   * A JSON answer: without a public base URL its links follow the request's {@code Host} (OGC
   * clients such as GDAL need absolute links), so no shared cache may keep it.
   */
  private static Response shared(Response.ResponseBuilder answer) {
    if (publicBase().isEmpty()) {
      answer.header("Cache-Control", "private, no-cache");
    }
    return answer.build();
  }

  private boolean wantsHtml() {
    return OgcParameters.wantsHtml(
        uri.getQueryParameters().getFirst("f"), headers.getAcceptableMediaTypes());
  }

  private Locale language() {
    return Languages.of(headers);
  }

  private static Response html(String page) {
    return Response.ok(page, "text/html;charset=utf-8")
        .header("Vary", "Accept, Accept-Language")
        .header("Cache-Control", "public, max-age=60")
        .build();
  }

  private static Response json(Object body) {
    try {
      return shared(Response.ok(JSON.writeValueAsString(body), "application/json"));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
