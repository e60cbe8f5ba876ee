package org.polity.jakarta.cartography;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.polity.cartography.FeaturePage;
import org.polity.cartography.MapLayer;

/**
 * The addresses of one {@code /ogc} request: the service's paths resolved against the public base
 * URL ({@code polity.public-base-url}) or, when it is not set, relative to the server's root for
 * HTML pages (the path of the application, without scheme or host) and from the request for JSON
 * (whose answers then say {@code Cache-Control: private}), links as OGC API – Features writes them,
 * and the pages of a collection's items. An HTML page never copies the request's {@code Host}
 * header: behind a shared cache, a forged one would otherwise poison the pages served to everyone.
 */
final class OgcLinks {

  private final UriInfo uri;
  private final String base;

  /**
   * The addresses of a request, relative to the server's root.
   *
   * @param uri the request's URI information
   */
  OgcLinks(UriInfo uri) {
    this(uri, java.util.Optional.empty(), true);
  }

  /**
   * The addresses of a request.
   *
   * @param uri the request's URI information
   * @param publicBase the public base URL, ending with a slash, or empty
   * @param relative without a public base URL: whether the links are relative to the server's root
   *     (HTML pages, for browsers), or absolute from the request (JSON, for OGC clients that do not
   *     resolve relative links)
   */
  OgcLinks(UriInfo uri, java.util.Optional<URI> publicBase, boolean relative) {
    this.uri = uri;
    String path = uri.getBaseUri().getRawPath();
    String root = path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    this.base =
        publicBase
            .map(URI::toString)
            .orElseGet(() -> relative ? root : uri.getBaseUri().toString());
  }

  /** A path of the service ({@code ""} for the landing page). */
  String ogc(String path) {
    return base + "ogc" + (path.isEmpty() ? "" : "/" + path);
  }

  /** An address of this request, as the service writes it: without the request's host. */
  private String ours(URI requested) {
    URI relative = uri.getBaseUri().relativize(requested);
    return base + relative.toString();
  }

  /** A collection's path. */
  String collection(MapLayer layer) {
    return ogc("collections/" + layer.id());
  }

  /** A feature's path, its id encoded. */
  String feature(MapLayer layer, String id) {
    return ogc("collections/" + layer.id() + "/items/" + UriBuilder.fromPath("{id}").build(id));
  }

  /** This request with another {@code f}. */
  String withFormat(String format) {
    return ours(uri.getRequestUriBuilder().replaceQueryParam("f", format).build());
  }

  /** A page of this items request. */
  URI page(int offset, int limit) {
    return URI.create(
        ours(
            uri.getRequestUriBuilder()
                .replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)
                .build()));
  }

  /** A page of this items request in a format ({@code html} or {@code json}). */
  URI page(int offset, int limit, String format) {
    return URI.create(
        ours(
            uri.getRequestUriBuilder()
                .replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)
                .replaceQueryParam("f", format)
                .build()));
  }

  /** A link object. */
  static Map<String, Object> link(String href, String rel, String type, String title) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    link.put("type", type);
    link.put("title", title);
    return link;
  }

  /** The links of a page of items: self, alternate, next and prev when there are, collection. */
  List<Object> itemsLinks(MapLayer layer, FeaturePage page, int skip, int size) {
    String geoJson = OgcApiResource.GEO_JSON;
    List<Object> links = new ArrayList<>();
    links.add(link(page(skip, size).toString(), "self", geoJson, "This page"));
    links.add(
        link(page(skip, size, "html").toString(), "alternate", "text/html", "This page as HTML"));
    if (skip + page.features().size() < page.numberMatched()) {
      links.add(link(page(skip + size, size).toString(), "next", geoJson, "Next page"));
    }
    if (skip > 0) {
      links.add(
          link(page(Math.max(0, skip - size), size).toString(), "prev", geoJson, "Previous page"));
    }
    links.add(link(collection(layer), "collection", "application/json", "The collection"));
    return links;
  }

  /** The links of one feature. */
  List<Object> featureLinks(MapLayer layer, String self) {
    return List.of(
        link(self, "self", OgcApiResource.GEO_JSON, "This feature"),
        link(self + "?f=html", "alternate", "text/html", "This feature as HTML"),
        link(collection(layer), "collection", "application/json", "The collection"));
  }

  /** The JSON description of a collection. */
  Map<String, Object> describe(MapLayer layer) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("id", layer.id());
    collection.put("title", layer.title().in(Locale.ENGLISH));
    collection.put("description", layer.description().in(Locale.ENGLISH));
    collection.put("itemType", "feature");
    collection.put("crs", List.of(OgcApiResource.CRS84));
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
                  OgcApiResource.CRS84)));
    }
    collection.put(
        "links",
        List.of(
            link(collection(layer), "self", "application/json", "This collection"),
            link(
                collection(layer) + "?f=html", "alternate", "text/html", "This collection as HTML"),
            link(
                ogc("collections/" + layer.id() + "/items"),
                "items",
                OgcApiResource.GEO_JSON,
                "Its features")));
    return collection;
  }

  /** The landing page as JSON. */
  Map<String, Object> landing() {
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
    return page;
  }

  /** The conformance declaration as JSON. */
  Map<String, Object> conformance(List<String> classes) {
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
    body.put("conformsTo", classes);
    return body;
  }

  /** The collections as JSON. */
  Map<String, Object> collections(List<MapLayer> layers) {
    List<Object> collections = new ArrayList<>();
    for (MapLayer layer : layers) {
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
    return body;
  }
}
