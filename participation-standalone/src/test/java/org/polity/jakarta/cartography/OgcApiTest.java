package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.InitiativeQuery;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.ProjectLayer;
import org.polity.cartography.Scale;
import org.polity.geo.GeoJsonFeature;
import org.polity.geo.GeoJsonReader;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.TestDatabase;

/**
 * OGC API – Features on the running standalone server (loopback): the documents, paging, filters
 * and errors over HTTP, then the real GDAL client ({@code ogrinfo}, {@code ogr2ogr} from gdal-bin)
 * listing the collections, reading a whole collection page by page and applying a bbox.
 */
class OgcApiTest {

  private static final int INITIATIVES = 260;

  @TempDir static Path data;
  static PolityServer server;
  static Api api;
  static InitiativeRegistry registry;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    settings.put(
        "polity.cartography.districts-file",
        Path.of(System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson")
            .toString());
    settings.put("polity.cartography.districts-id-property", "nis");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    api = new Api(server.uri());
    MapLayers map = server.bean(MapLayers.class);
    MapFixture.store(server.bean(Initiatives.class), INITIATIVES, 6);
    registry = map.registry();
    map.add(new ProjectLayer(MapFixture.edition(25)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> hrefs(JsonObject document, String rel) {
    List<String> result = new ArrayList<>();
    for (JsonValue link : document.getJsonArray("links")) {
      if (link.asJsonObject().getString("rel").equals(rel)) {
        result.add(link.asJsonObject().getString("href"));
      }
    }
    return result;
  }

  private static String relative(String href) {
    return href.substring(server.uri().toString().length());
  }

  @Test
  void landingPageConformanceAndCollections() {
    Api.Reply landing = api.get("ogc");
    assertThat(landing.status()).isEqualTo(200);
    assertThat(hrefs(landing.json(), "conformance"))
        .containsExactly(server.uri() + "ogc/conformance");
    assertThat(hrefs(landing.json(), "data")).containsExactly(server.uri() + "ogc/collections");
    assertThat(hrefs(landing.json(), "service-desc")).hasSize(1);
    assertThat(api.get(relative(hrefs(landing.json(), "service-desc").get(0))).status())
        .isEqualTo(200);
    assertThat(
            api.get("ogc/conformance")
                .json()
                .getJsonArray("conformsTo")
                .getValuesAs(JsonValue::toString))
        .contains("\"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson\"");
    JsonObject collections = api.get("ogc/collections").json();
    List<String> ids =
        collections.getJsonArray("collections").stream()
            .map(c -> c.asJsonObject().getString("id"))
            .toList();
    assertThat(ids).containsExactly("initiatives", "districts", "projects-sb-2027");
    JsonObject districts = api.get("ogc/collections/districts").json();
    assertThat(
            districts
                .getJsonObject("extent")
                .getJsonObject("spatial")
                .getJsonArray("bbox")
                .getJsonArray(0)
                .getJsonNumber(0)
                .doubleValue())
        .isBetween(4.24, 4.25);
  }

  @Test
  void pagingByNextLinksReadsEveryPublishedInitiativeOnce() {
    String next = "ogc/collections/initiatives/items?limit=37";
    Set<String> seen = new HashSet<>();
    int pages = 0;
    int matched = -1;
    while (next != null) {
      Api.Reply reply = api.get(next);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.contentType()).startsWith("application/geo+json");
      JsonObject page = reply.json();
      matched = page.getInt("numberMatched");
      assertThat(page.getInt("numberReturned")).isEqualTo(page.getJsonArray("features").size());
      page.getJsonArray("features")
          .forEach(f -> assertThat(seen.add(f.asJsonObject().getString("id"))).isTrue());
      List<String> nexts = hrefs(page, "next");
      next = nexts.isEmpty() ? null : relative(nexts.get(0));
      pages++;
    }
    assertThat(matched).isEqualTo(registry.publishedCount());
    assertThat(seen).hasSize(registry.publishedCount());
    assertThat(pages).isEqualTo((registry.publishedCount() + 36) / 37);
  }

  @Test
  void limitIsClampedAndBboxAndDatetimeFilter() {
    JsonObject all = api.get("ogc/collections/initiatives/items?limit=99999999999").json();
    assertThat(all.getInt("numberReturned"))
        .isEqualTo(Math.min(registry.publishedCount(), OgcApiResource.MAX_LIMIT));
    JsonObject box =
        api.get("ogc/collections/initiatives/items?bbox=4.30,50.80,4.36,50.85&limit=1000").json();
    int expected =
        registry.findAll(InitiativeQuery.builder().bbox(4.30, 50.80, 4.36, 50.85).build()).size();
    assertThat(box.getInt("numberMatched")).isEqualTo(expected).isPositive();
    for (JsonValue f : box.getJsonArray("features")) {
      double lon =
          f.asJsonObject()
              .getJsonObject("geometry")
              .getJsonArray("coordinates")
              .getJsonNumber(0)
              .doubleValue();
      assertThat(lon).isBetween(4.30, 4.36);
    }
    JsonObject dated =
        api.get(
                "ogc/collections/initiatives/items?datetime=2019-01-01T00:00:00Z/2019-01-31T00:00:00Z")
            .json();
    int active =
        registry
            .findAll(
                InitiativeQuery.builder()
                    .activeBetween(
                        java.time.LocalDate.of(2019, 1, 1), java.time.LocalDate.of(2019, 1, 31))
                    .build())
            .size();
    assertThat(dated.getInt("numberMatched")).isEqualTo(active);
    assertThat(api.get("ogc/collections/projects-sb-2027/items").json().getInt("numberMatched"))
        .isEqualTo(25);
    assertThat(api.get("ogc/collections/districts/items?limit=100").json().getInt("numberReturned"))
        .isEqualTo(19);
  }

  @Test
  void oneFeatureAndTheErrors() {
    Initiative first = registry.findAll(InitiativeQuery.all()).get(0);
    Api.Reply feature = api.get("ogc/collections/initiatives/items/" + first.id().value());
    assertThat(feature.status()).isEqualTo(200);
    assertThat(feature.contentType()).startsWith("application/geo+json");
    assertThat(feature.json().getString("type")).isEqualTo("Feature");
    assertThat(feature.json().getJsonObject("properties").getString("title"))
        .isEqualTo(first.details().title().original());

    Api.Reply unknown = api.get("ogc/collections/initiatives/items?colour=red");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.body()).contains("colour").contains("unknown query parameter");
    assertThat(api.get("ogc/collections?limit=3").status()).isEqualTo(400);
    assertThat(api.get("ogc/collections/initiatives/items?bbox=4,50,5").body()).contains("bbox");
    assertThat(api.get("ogc/collections/initiatives/items?bbox=4,95,5,96").status()).isEqualTo(400);
    assertThat(api.get("ogc/collections/initiatives/items?limit=0").status()).isEqualTo(400);
    assertThat(api.get("ogc/collections/initiatives/items?datetime=yesterday").status())
        .isEqualTo(400);
    assertThat(api.get("ogc/collections/nowhere/items").status()).isEqualTo(404);
    assertThat(api.get("ogc/collections/initiatives/items/ini-99999999").status()).isEqualTo(404);
  }

  @Test
  void organisersProposeAndModeratorsPublishThroughTheApi() {
    String body =
        "{\"title\":{\"fr\":\"Assemblée citoyenne\",\"nl\":\"Burgerpanel\"},"
            + "\"kind\":\"citizens-assembly\",\"organiser\":\"Collectif X\",\"organiserType\":\"citizen-group\","
            + "\"themes\":[\"climate\"],\"scale\":\"municipality\",\"recruitment\":\"by-lot\","
            + "\"start\":\"2026-09-01\",\"ongoing\":true,\"point\":[4.3517,50.8466]}";
    Api.Reply proposed = api.send("POST", "api/v1/initiatives", body, "alice", "participant");
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String id = proposed.json().getString("id");
    assertThat(proposed.json().getString("status")).isEqualTo("pending");
    assertThat(api.get("ogc/collections/initiatives/items/" + id).status()).isEqualTo(404);
    Api.Reply pending = api.send("GET", "api/v1/initiatives/pending", null, "mo", "moderator");
    assertThat(pending.body()).contains(id);
    Api.Reply published =
        api.send("POST", "api/v1/initiatives/" + id + "/publication", null, "mo", "moderator");
    assertThat(published.status()).isEqualTo(200);
    assertThat(
            api.get("ogc/collections/initiatives/items/" + id)
                .json()
                .getJsonObject("properties")
                .getString("recruitment"))
        .isEqualTo("by-lot");
    Api.Reply again =
        api.send(
            "POST",
            "api/v1/initiatives/" + id + "/rejection",
            "{\"reason\":{\"en\":\"Too late\"}}",
            "mo",
            "moderator");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("initiative-not-pending");
    Api.Reply bad =
        api.send(
            "POST",
            "api/v1/initiatives",
            "{\"kind\":\"hackathon\",\"point\":[50.8,184]}",
            "alice",
            "participant");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"title\"").contains("hackathon").contains("swapped");
  }

  @Test
  void serviceDescIsAValidOpenApi30DocumentDescribingEveryOgcPath() {
    String href = hrefs(api.get("ogc").json(), "service-desc").get(0);
    assertThat(href).isEqualTo(server.uri() + "ogc/api");
    Api.Reply reply = api.get(relative(href));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/vnd.oai.openapi+json;version=3.0");

    io.swagger.v3.parser.core.models.SwaggerParseResult parsed =
        new io.swagger.v3.parser.OpenAPIV3Parser().readContents(reply.body(), null, null);
    assertThat(parsed.getMessages()).as("validation messages").isEmpty();
    io.swagger.v3.oas.models.OpenAPI openApi = parsed.getOpenAPI();
    assertThat(openApi.getOpenapi()).startsWith("3.0.");
    assertThat(openApi.getServers().get(0).getUrl()).isEqualTo(server.uri() + "ogc");
    Set<String> described = new HashSet<>();
    openApi
        .getPaths()
        .forEach(
            (path, item) -> {
              if (item.getGet() != null) {
                described.add("GET " + path);
              }
            });
    Set<String> served = new HashSet<>();
    for (org.polity.jakarta.testing.Endpoints.Endpoint endpoint :
        org.polity.jakarta.testing.Endpoints.of(Set.of(OgcApiResource.class))) {
      served.add(
          endpoint.httpMethod()
              + " /"
              + endpoint.path().substring("ogc".length()).replaceFirst("^/", ""));
    }
    assertThat(described).isEqualTo(served);
    var items =
        openApi
            .getPaths()
            .get("/collections/{collectionId}/items")
            .getGet()
            .getParameters()
            .stream()
            .filter(parameter -> parameter.getIn().equals("query"))
            .map(io.swagger.v3.oas.models.parameters.Parameter::getName)
            .collect(java.util.stream.Collectors.toSet());
    assertThat(items).isEqualTo(OgcApiResource.INITIATIVE_PARAMETERS);
    // bbox and limit as /req/core/fc-bbox-definition and /req/core/fc-limit-definition say
    var parameters =
        openApi.getPaths().get("/collections/{collectionId}/items").getGet().getParameters();
    var bbox = parameters.stream().filter(p -> p.getName().equals("bbox")).findFirst().get();
    assertThat(bbox.getStyle()).hasToString("form");
    assertThat(bbox.getExplode()).isFalse();
    assertThat(bbox.getSchema().getMinItems()).isEqualTo(4);
    assertThat(bbox.getSchema().getMaxItems()).isEqualTo(6);
    var limit = parameters.stream().filter(p -> p.getName().equals("limit")).findFirst().get();
    assertThat(limit.getSchema().getMinimum()).isEqualByComparingTo("1");
    assertThat(limit.getSchema().getMaximum()).isEqualByComparingTo("" + OgcApiResource.MAX_LIMIT);
    assertThat(limit.getSchema().getDefault()).isEqualTo(OgcApiResource.DEFAULT_LIMIT);
    // the application's own document is another one (SmallRye writes OpenAPI 3.1)
    assertThat(api.get("openapi?format=json").json().getString("openapi")).startsWith("3.");
    assertThat(api.get("ogc/conformance").body()).contains("conf/oas30").contains("conf/html");
  }

  @Test
  void initiativesFilterByKindThemeScaleDistrictAndDates() {
    Geometry bruxelles = districtGeometry("21004");
    InitiativeQuery expected =
        InitiativeQuery.builder()
            .within(bruxelles)
            .kind(InitiativeKind.PARTICIPATORY_BUDGET)
            .kind(InitiativeKind.CONSULTATION)
            .build();
    JsonObject page =
        api.get(
                "ogc/collections/initiatives/items?within=21004"
                    + "&kind=participatory-budget,consultation&limit=1000")
            .json();
    assertThat(page.getInt("numberMatched")).isPositive();
    assertThat(ids(page)).isEqualTo(ids(registry.findAll(expected)));
    for (JsonValue f : page.getJsonArray("features")) {
      var coordinates = f.asJsonObject().getJsonObject("geometry").getJsonArray("coordinates");
      Point point =
          new org.locationtech.jts.geom.GeometryFactory()
              .createPoint(
                  new org.locationtech.jts.geom.Coordinate(
                      coordinates.getJsonNumber(0).doubleValue(),
                      coordinates.getJsonNumber(1).doubleValue()));
      assertThat(bruxelles.covers(point)).isTrue();
      assertThat(f.asJsonObject().getJsonObject("properties").getString("kind"))
          .isIn("participatory-budget", "consultation");
    }

    JsonObject themed =
        api.get(
                "ogc/collections/initiatives/items?theme=housing&scale=municipality"
                    + "&datetime=2020-01-01/..&bbox=4.2,50.7,4.5,50.95&limit=1000")
            .json();
    List<Initiative> housing =
        registry.findAll(
            InitiativeQuery.builder()
                .theme("housing")
                .scale(Scale.MUNICIPALITY)
                .activeBetween(java.time.LocalDate.of(2020, 1, 1), null)
                .bbox(4.2, 50.7, 4.5, 50.95)
                .build());
    assertThat(housing).isNotEmpty();
    assertThat(ids(themed)).isEqualTo(ids(housing));
    assertThat(themed.getInt("numberMatched")).isEqualTo(housing.size());

    Api.Reply bad =
        api.get("ogc/collections/initiatives/items?kind=hackathon&within=nowhere&scale=planet");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("kind").contains("within").contains("scale");
    Api.Reply notHere = api.get("ogc/collections/districts/items?kind=consultation");
    assertThat(notHere.status()).isEqualTo(400);
    assertThat(notHere.body()).contains("unknown query parameter");
  }

  @Test
  void nearestInitiativesToAPointWithFilters() {
    org.polity.geo.GeoPoint point = org.polity.geo.GeoPoint.of(4.3517, 50.8466);
    var expected = registry.nearest(point, 5, InitiativeQuery.builder().theme("culture").build());
    JsonObject reply =
        api.get("api/v1/initiatives/nearest?point=4.3517,50.8466&limit=5&theme=culture").json();
    var found = reply.getJsonArray("initiatives");
    assertThat(found).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(found.getJsonObject(i).getString("id"))
          .isEqualTo(expected.get(i).initiative().id().value());
      assertThat(found.getJsonObject(i).getJsonNumber("metres").doubleValue())
          .isCloseTo(expected.get(i).metres(), org.assertj.core.data.Offset.offset(0.06));
    }
    assertThat(api.get("api/v1/initiatives/nearest?point=50.8,184").status()).isEqualTo(400);
    assertThat(api.get("api/v1/initiatives/nearest?point=4.35,50.85&colour=red").status())
        .isEqualTo(400);
  }

  /** Proposes an initiative at a point through the API, and publishes it as a moderator. */
  private static String publishAt(String title, double lon, double lat) {
    String body =
        "{\"title\":{\"en\":\""
            + title
            + "\"},\"kind\":\"consultation\",\"organiser\":\"Pacific forum\","
            + "\"organiserType\":\"citizen-group\",\"themes\":[\"climate\"],"
            + "\"scale\":\"region\",\"start\":\"2026-09-01\",\"ongoing\":true,"
            + "\"point\":["
            + lon
            + ","
            + lat
            + "]}";
    Api.Reply proposed = api.send("POST", "api/v1/initiatives", body, "tala", "participant");
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String id = proposed.json().getString("id");
    Api.Reply published =
        api.send("POST", "api/v1/initiatives/" + id + "/publication", null, "mo", "moderator");
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    return id;
  }

  private static final String PACIFIC = "170,-25,-170,-10";

  /** The initiatives on both sides of the antimeridian, once (idempotent across tests). */
  private static synchronized List<String> pacific() {
    if (pacificIds == null) {
      pacificIds =
          List.of(
              publishAt("Suva town hall meeting", 178.44, -18.14),
              publishAt("Apia village council", -171.76, -13.83));
      publishAt("Honolulu budget forum", -157.86, 21.31); // east of the box, north of it
    }
    return pacificIds;
  }

  private static List<String> pacificIds;

  @Test
  void aBboxAcrossTheAntimeridianReturnsTheFeaturesOnBothSides() {
    List<String> expected = pacific();
    Api.Reply reply = api.get("ogc/collections/initiatives/items?bbox=" + PACIFIC + "&limit=100");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(ids(reply.json())).containsExactlyElementsOf(expected);
    assertThat(reply.json().getInt("numberMatched")).isEqualTo(2);
    // paging by the next link across the two halves
    JsonObject first =
        api.get("ogc/collections/initiatives/items?bbox=" + PACIFIC + "&limit=1").json();
    assertThat(ids(first)).containsExactly(expected.get(0));
    JsonObject second = api.get(relative(hrefs(first, "next").get(0))).json();
    assertThat(ids(second)).containsExactly(expected.get(1));
    assertThat(hrefs(second, "next")).isEmpty();
    // with heights, the same
    assertThat(
            ids(
                api.get("ogc/collections/initiatives/items?bbox=170,-25,-100,-170,-10,8000")
                    .json()))
        .containsExactlyElementsOf(expected);
    // each half alone finds its side only; the ordinary box between them finds neither
    assertThat(ids(api.get("ogc/collections/initiatives/items?bbox=170,-25,180,-10").json()))
        .containsExactly(expected.get(0));
    assertThat(ids(api.get("ogc/collections/initiatives/items?bbox=-180,-25,-170,-10").json()))
        .containsExactly(expected.get(1));
    assertThat(ids(api.get("ogc/collections/initiatives/items?bbox=-170,-25,170,-10").json()))
        .doesNotContainAnyElementsOf(expected);
    // other collections take the box too: no Brussels district is in the Pacific
    assertThat(
            api.get("ogc/collections/districts/items?bbox=" + PACIFIC)
                .json()
                .getInt("numberMatched"))
        .isZero();
    assertThat(
            api.get("ogc/collections/districts/items?bbox=4.0,50.0,5.0,51.5")
                .json()
                .getInt("numberMatched"))
        .isEqualTo(19);
    assertThat(
            api.get("ogc/collections/districts/items?bbox=4.0,50.0,-3,179,51.5,3")
                .json()
                .getInt("numberMatched"))
        .isEqualTo(19);
  }

  @Test
  void aBboxOfSixNumbersSelectsAsItsFourLonLatNumbersDo() {
    JsonObject four =
        api.get("ogc/collections/initiatives/items?bbox=4.30,50.80,4.36,50.85&limit=1000").json();
    JsonObject six =
        api.get("ogc/collections/initiatives/items?bbox=4.30,50.80,-50,4.36,50.85,1200&limit=1000")
            .json();
    assertThat(four.getInt("numberMatched")).isPositive();
    assertThat(ids(six)).isEqualTo(ids(four));
    assertThat(six.getInt("numberMatched")).isEqualTo(four.getInt("numberMatched"));
  }

  @Test
  void aMalformedBboxIsStillAProblem() {
    for (String bad :
        List.of(
            "4,50,5,51,0", // 5 numbers
            "4,95,5,96", // latitude out of range
            "4,51,5,50", // minLat > maxLat
            "4,50,10,5,51,0", // minHeight > maxHeight
            "4,50,5,51,0,1,2")) { // 7 numbers
      Api.Reply reply = api.get("ogc/collections/initiatives/items?bbox=" + bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.body()).as(bad).contains("bbox");
    }
  }

  private static Geometry districtGeometry(String id) {
    return server
        .bean(MapLayers.class)
        .layer("districts")
        .orElseThrow()
        .feature(id)
        .orElseThrow()
        .geometry();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("features").stream()
        .map(f -> f.asJsonObject().getString("id"))
        .toList();
  }

  private static List<String> ids(List<Initiative> initiatives) {
    return initiatives.stream().map(i -> i.id().value()).toList();
  }

  // ---- the real GDAL client ----

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
    return output;
  }

  private static boolean gdalInstalled() {
    try {
      return new ProcessBuilder("ogrinfo", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static List<GeoJsonFeature> readGeoJson(Path file) throws IOException {
    return new GeoJsonReader()
        .readFeatures(
            new ByteArrayInputStream(Files.readAllBytes(file)), file.getFileName().toString());
  }

  @Test
  void gdalListsTheCollectionsPagesThroughOneAndAppliesABbox() throws Exception {
    assumeTrue(
        gdalInstalled(),
        "GDAL (ogrinfo, ogr2ogr from gdal-bin) is not installed; .ci/run installs it");
    String source = "OAPIF:" + server.uri() + "ogc";

    String listing = run("ogrinfo", "-ro", "-q", source);
    assertThat(listing).contains("initiatives").contains("districts").contains("projects-sb-2027");

    Path all = data.resolve("all.geojson");
    run("ogr2ogr", "-f", "GeoJSON", "-oo", "PAGE_SIZE=25", all.toString(), source, "initiatives");
    List<GeoJsonFeature> read = readGeoJson(all);
    Set<String> expectedIds = new HashSet<>();
    registry.findAll(InitiativeQuery.all()).forEach(i -> expectedIds.add(i.id().value()));
    assertThat(read).hasSize(registry.publishedCount());
    Set<String> readIds = new HashSet<>();
    for (GeoJsonFeature f : read) {
      readIds.add(String.valueOf(f.properties().getOrDefault("id", f.id())));
    }
    assertThat(readIds).isEqualTo(expectedIds);

    Path boxed = data.resolve("box.geojson");
    run(
        "ogr2ogr",
        "-f",
        "GeoJSON",
        "-spat",
        "4.30",
        "50.80",
        "4.36",
        "50.85",
        boxed.toString(),
        source,
        "initiatives");
    List<GeoJsonFeature> inBox = readGeoJson(boxed);
    int expected =
        registry.findAll(InitiativeQuery.builder().bbox(4.30, 50.80, 4.36, 50.85).build()).size();
    assertThat(inBox).hasSize(expected);
    for (GeoJsonFeature f : inBox) {
      Point p = (Point) f.geometry();
      assertThat(p.getX()).isBetween(4.30, 4.36);
      assertThat(p.getY()).isBetween(50.80, 50.85);
    }

    String districts = run("ogrinfo", "-ro", "-so", source, "districts");
    assertThat(districts).contains("Feature Count: 19");
  }

  /** The ids of the features that {@code ogrinfo -al} prints (the id property of initiatives). */
  private static List<String> ogrIds(String listing) {
    List<String> found = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\s+id \\(String\\) = (\\S+)").matcher(listing);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void gdalReadsABboxAcrossTheAntimeridianAndOneWithHeights() throws Exception {
    assumeTrue(
        gdalInstalled(),
        "GDAL (ogrinfo, ogr2ogr from gdal-bin) is not installed; .ci/run installs it");
    List<String> expected = pacific();
    String items = server.uri() + "ogc/collections/initiatives/items";
    // GDAL's GeoJSON driver reads the items request itself (its OAPIF driver has no way to ask
    // for a box whose west edge is east of its east edge)
    String across = run("ogrinfo", "-ro", "-al", "-q", "GeoJSON:" + items + "?bbox=" + PACIFIC);
    assertThat(ogrIds(across)).containsExactlyInAnyOrderElementsOf(expected);
    String six =
        run(
            "ogrinfo",
            "-ro",
            "-al",
            "-q",
            "GeoJSON:" + items + "?limit=1000&bbox=4.30,50.80,-50,4.36,50.85,1200");
    int expectedInBox =
        registry.findAll(InitiativeQuery.builder().bbox(4.30, 50.80, 4.36, 50.85).build()).size();
    assertThat(ogrIds(six)).hasSize(expectedInBox).isNotEmpty();
  }
}
