package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polity.cartography.InitiativeId;
import org.polity.jakarta.config.DatabaseSettings;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.standalone.PolityServer;

/**
 * Initiatives stored in the database, through the REST API on real servers: propose, moderate, edit
 * with If-Match (428, 412), waiting edits, history, bad input that changes nothing, a restart that
 * finds everything, two nodes sharing one database, and the project collections of open editions.
 * Subclasses choose the database (H2 file, PostgreSQL); each test uses fresh titles so that the
 * shared PostgreSQL database may hold earlier rows.
 */
abstract class InitiativeStoreContract {

  /** The database settings of a new node. */
  abstract Map<String, String> database();

  private PolityServer start() {
    Map<String, String> settings = new HashMap<>(database());
    settings.put("polity.mode", "development");
    settings.put(
        "polity.cartography.districts-file",
        Path.of(System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson")
            .toString());
    settings.put("polity.cartography.districts-id-property", "nis");
    return PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  private static String proposal(String title, double lon, double lat) {
    return "{\"title\":{\"fr\":\""
        + title
        + "\",\"nl\":\""
        + title
        + " (nl)\"},"
        + "\"description\":{\"fr\":\"Des habitants tirés au sort.\"},"
        + "\"kind\":\"citizens-assembly\",\"organiser\":\"Collectif X\",\"organiserType\":\"citizen-group\","
        + "\"themes\":[\"climate\"],\"audience\":{\"en\":\"residents\"},\"scale\":\"municipality\","
        + "\"mode\":\"both\",\"recruitment\":\"by-lot\",\"start\":\"2026-09-01\",\"end\":\"2027-06-30\","
        + "\"contact\":{\"name\":\"X\",\"email\":\"x@collectif.example\",\"links\":[\"https://collectif.example/\"]},"
        + "\"point\":["
        + lon
        + ","
        + lat
        + "],"
        + "\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[4.37,50.83],[4.39,50.83],[4.39,50.84],[4.37,50.84],[4.37,50.83]]]}}";
  }

  private static String unique(String name) {
    return name + " " + Long.toHexString(System.nanoTime());
  }

  private static JsonArray history(MapClient api, String id, String user, String roles) {
    MapClient.Reply reply =
        api.send("GET", "api/v1/initiatives/" + id + "/history", null, user, roles);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getJsonArray("history");
  }

  @Test
  void proposeModerateEditWithIfMatchAndFindEverythingAfterARestart() {
    String title = unique("Assemblée climat");
    String id;
    String etag;
    JsonObject before;
    JsonArray historyBefore;
    String featureBefore;
    try (PolityServer server = start()) {
      MapClient api = new MapClient(server.uri());
      MapClient.Reply proposed =
          api.send(
              "POST", "api/v1/initiatives", proposal(title, 4.38, 50.835), "alice", "participant");
      assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
      id = proposed.json().getString("id");
      assertThat(proposed.etag()).isEqualTo("\"1\"");
      assertThat(api.send("GET", "api/v1/initiatives/" + id, null, null, null).status())
          .isEqualTo(404);

      MapClient.Reply published =
          api.send("POST", "api/v1/initiatives/" + id + "/publication", null, "mo", "moderator");
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      assertThat(published.etag()).isEqualTo("\"2\"");

      String retitled = proposal(title + " (v2)", 4.38, 50.835);
      String edit = "{\"why\":\"Better title\",\"initiative\":" + retitled + "}";
      MapClient.Reply noIfMatch =
          api.send("PUT", "api/v1/initiatives/" + id, edit, "alice", "participant");
      assertThat(noIfMatch.status()).isEqualTo(428);
      MapClient.Reply stale =
          api.send(
              "PUT", "api/v1/initiatives/" + id, edit, "alice", "participant", "If-Match", "\"1\"");
      assertThat(stale.status()).isEqualTo(412);
      MapClient.Reply notYours =
          api.send(
              "PUT", "api/v1/initiatives/" + id, edit, "bob", "participant", "If-Match", "\"2\"");
      assertThat(notYours.status()).isEqualTo(409);
      assertThat(notYours.body()).contains("initiative-not-yours");

      // bad input changes nothing: same ETag, same history
      MapClient.Reply bad =
          api.send(
              "PUT",
              "api/v1/initiatives/" + id,
              "{\"why\":\"x\",\"initiative\":"
                  + retitled.replace("citizens-assembly", "hackathon")
                  + "}",
              "alice",
              "participant",
              "If-Match",
              "\"2\"");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("hackathon");
      assertThat(
              api.send(
                      "PUT",
                      "api/v1/initiatives/" + id,
                      "{\"initiative\":" + retitled + "}",
                      "alice",
                      "participant",
                      "If-Match",
                      "\"2\"")
                  .status())
          .isEqualTo(400);
      assertThat(api.get("api/v1/initiatives/" + id).etag()).isEqualTo("\"2\"");
      assertThat(history(api, id, "alice", "participant")).hasSize(2);

      // the organiser's edit of a published initiative waits; the map keeps the published title
      MapClient.Reply edited =
          api.send(
              "PUT", "api/v1/initiatives/" + id, edit, "alice", "participant", "If-Match", "\"2\"");
      assertThat(edited.status()).as(edited.body()).isEqualTo(200);
      assertThat(edited.etag()).isEqualTo("\"3\"");
      assertThat(edited.json().getString("status")).isEqualTo("published");
      assertThat(edited.json().getBoolean("editPending")).isTrue();
      assertThat(edited.json().getJsonObject("pendingEdit").getJsonObject("title").getString("fr"))
          .isEqualTo(title + " (v2)");
      assertThat(
              api.get("ogc/collections/initiatives/items/" + id)
                  .json()
                  .getJsonObject("properties")
                  .getString("title"))
          .isEqualTo(title);
      assertThat(api.send("GET", "api/v1/initiatives/pending", null, "mo", "moderator").body())
          .contains(id);

      // the moderator rejects the edit with a reason; then the organiser tries again and it is
      // accepted
      MapClient.Reply rejected =
          api.send(
              "POST",
              "api/v1/initiatives/" + id + "/rejection",
              "{\"reason\":{\"en\":\"Keep the official name\",\"fr\":\"Gardez le nom officiel\"}}",
              "mo",
              "moderator");
      assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
      assertThat(rejected.json().getBoolean("editPending")).isFalse();
      String third =
          "{\"why\":\"Official name with the year\",\"initiative\":"
              + proposal(title + " 2026", 4.38, 50.835)
              + "}";
      assertThat(
              api.send(
                      "PUT",
                      "api/v1/initiatives/" + id,
                      third,
                      "alice",
                      "participant",
                      "If-Match",
                      rejected.etag())
                  .status())
          .isEqualTo(200);
      MapClient.Reply accepted =
          api.send(
              "POST",
              "api/v1/initiatives/" + id + "/publication",
              null,
              "mo",
              "moderator",
              "If-Match",
              "\"4\"");
      assertThat(accepted.status()).as("stale If-Match on publication").isEqualTo(412);
      accepted =
          api.send("POST", "api/v1/initiatives/" + id + "/publication", null, "mo", "moderator");
      assertThat(accepted.status()).isEqualTo(200);
      assertThat(
              api.get("ogc/collections/initiatives/items/" + id)
                  .json()
                  .getJsonObject("properties")
                  .getString("title"))
          .isEqualTo(title + " 2026");

      historyBefore = history(api, id, "alice", "participant");
      assertThat(historyBefore.stream().map(e -> e.asJsonObject().getString("action")).toList())
          .containsExactly(
              "proposed", "published", "edit-proposed", "rejected", "edit-proposed", "published");
      JsonObject rejection = historyBefore.getJsonObject(3);
      assertThat(rejection.getString("actor")).isEqualTo("mo");
      assertThat(rejection.getString("why")).isEqualTo("Keep the official name");
      assertThat(rejection.getJsonArray("changed").getString(0)).isEqualTo("title");
      JsonArray publicHistory = history(api, id, null, null);
      assertThat(publicHistory.getJsonObject(0).containsKey("actor")).isFalse();
      assertThat(publicHistory.getJsonObject(0).getString("role")).isEqualTo("organiser");
      assertThat(publicHistory.getJsonObject(3).getString("role")).isEqualTo("moderator");

      MapClient.Reply read =
          api.send("GET", "api/v1/initiatives/" + id, null, "alice", "participant");
      before = read.json();
      etag = read.etag();
      featureBefore =
          api.get("ogc/collections/initiatives/items/" + id)
              .json()
              .getJsonObject("properties")
              .toString();
    }

    try (PolityServer restarted = start()) {
      MapClient api = new MapClient(restarted.uri());
      MapClient.Reply read =
          api.send("GET", "api/v1/initiatives/" + id, null, "alice", "participant");
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.etag()).isEqualTo(etag);
      assertThat(read.json()).isEqualTo(before);
      assertThat(history(api, id, "alice", "participant")).isEqualTo(historyBefore);
      String feature =
          api.get("ogc/collections/initiatives/items/" + id)
              .json()
              .getJsonObject("properties")
              .toString();
      assertThat(feature).isEqualTo(featureBefore);
      // a new proposal after the restart gets a new id
      MapClient.Reply next =
          api.send(
              "POST",
              "api/v1/initiatives",
              proposal(unique("Atelier"), 4.35, 50.85),
              "carol",
              "participant");
      assertThat(next.json().getString("id")).isNotEqualTo(id);
    }
  }

  @Test
  void twoNodesSharingTheDatabaseServeEachOthersChanges() {
    // Node one is the real server; node two is a second map service with its own connection pool
    // and its own in-memory index (PolityServer allows one CDI container per JVM).
    Map<String, String> db = database();
    try (PolityServer one = start()) {
      PolityDatabase pool =
          PolityDatabase.open(
              new DatabaseSettings(
                  java.util.Optional.empty(),
                  java.util.Optional.of(db.get("polity.database.url")),
                  db.getOrDefault("polity.database.user", ""),
                  db.getOrDefault("polity.database.password", ""),
                  4,
                  false));
      try {
        twoNodes(one, pool);
      } finally {
        pool.close();
      }
    }
  }

  private void twoNodes(PolityServer one, PolityDatabase pool) {
    {
      Initiatives two = new Initiatives();
      two.database = pool;
      two.clock = java.time.Clock.systemUTC();
      two.load();
      MapClient first = new MapClient(one.uri());
      String title = unique("Conseil de quartier");
      String id =
          first
              .send(
                  "POST", "api/v1/initiatives", proposal(title, 4.36, 50.84), "dora", "participant")
              .json()
              .getString("id");
      InitiativeId initiative = InitiativeId.of(id);
      assertThat(two.registry().pending()).extracting(i -> i.id()).contains(initiative);
      two.publish(initiative, "mo", null).orElseThrow();
      assertThat(first.get("ogc/collections/initiatives/items/" + id).status()).isEqualTo(200);
      String box = "ogc/collections/initiatives/items?bbox=4.355,50.835,4.365,50.845&limit=1000";
      assertThat(first.get(box).body()).contains(title);
      // both nodes propose at once: distinct ids, nothing lost
      List<String> ids =
          java.util.stream.IntStream.range(0, 10)
              .parallel()
              .mapToObj(
                  i -> {
                    String body = proposal(unique("Atelier " + i), 4.36, 50.84);
                    if (i % 2 == 0) {
                      return first
                          .send("POST", "api/v1/initiatives", body, "dora", "participant")
                          .json()
                          .getString("id");
                    }
                    try (var reader = Jsonp.JSON.createReader(new java.io.StringReader(body))) {
                      return two.propose("dora", InitiativeJson.details(reader.readObject()))
                          .initiative()
                          .id()
                          .value();
                    }
                  })
              .toList();
      assertThat(ids).doesNotHaveDuplicates();
      String pending =
          first.send("GET", "api/v1/initiatives/pending", null, "mo", "moderator").body();
      ids.forEach(i -> assertThat(pending).contains(i));
      assertThat(two.registry().pending()).extracting(i -> i.id().value()).containsAll(ids);
    }
  }

  @Test
  void projectsOfOpenEditionsAreCollectionsBeforeAndAfterARestart() {
    String process = "map-" + Long.toHexString(System.nanoTime());
    String closed = "map-closed-" + Long.toHexString(System.nanoTime());
    try (PolityServer server = start()) {
      MapClient api = new MapClient(server.uri());
      for (String p : List.of(process, closed)) {
        String definition =
            """
            {"title": {"en": "Shared Budget", "fr": "Budget partagé"},
             "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
             "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
             "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                       "maximumProjectCost": {"amount": "50000", "currency": "EUR"},
                       "themes": [{"id": "greenery", "name": {"en": "Greenery"}}], "minimumAge": 10},
             "budgets": ["%s-b"], "eligibility": {"SUBMIT": {"everyone": {}}}}
            """
                .formatted(p);
        MapClient.Reply declared =
            api.send("PUT", "api/v1/processes/" + p, definition, "ada", "administrator");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
      }
      MapClient.Reply opened =
          api.send(
              "POST",
              "api/v1/processes/" + process + "/phase-moves",
              "{\"phase\": \"submission\", \"why\": {\"en\": \"On schedule.\"}}",
              "ada",
              "administrator");
      assertThat(opened.status()).as(opened.body()).isEqualTo(200);
      MapClient.Reply idea =
          api.send(
              "POST",
              "api/v1/processes/" + process + "/projects",
              """
          {"title": {"fr": "Un potager collectif"}, "description": {"fr": "Des bacs au parc."},
           "themes": ["greenery"], "estimatedCost": {"amount": "1000", "currency": "EUR"},
           "location": "POINT (4.4189 50.8165)", "district": "Centre",
           "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}]}
          """,
              "jeanne",
              "participant");
      assertThat(idea.status()).as(idea.body()).isEqualTo(201);
      assertProjectCollection(api, process, closed);
    }
    try (PolityServer restarted = start()) {
      assertProjectCollection(new MapClient(restarted.uri()), process, closed);
    }
  }

  private static void assertProjectCollection(MapClient api, String process, String notOpen) {
    String collections = api.get("ogc/collections").body();
    assertThat(collections)
        .contains("\"projects-" + process + "\"")
        .contains("\"initiatives\"")
        .contains("\"districts\"")
        .doesNotContain("projects-" + notOpen);
    JsonObject items = api.get("ogc/collections/projects-" + process + "/items").json();
    assertThat(items.getInt("numberMatched")).isEqualTo(1);
    assertThat(
            items
                .getJsonArray("features")
                .getJsonObject(0)
                .getJsonObject("geometry")
                .getJsonArray("coordinates")
                .getJsonNumber(0)
                .doubleValue())
        .isEqualTo(4.4189);
    assertThat(api.get("ogc/collections/projects-" + notOpen + "/items").status()).isEqualTo(404);
    assertThat(api.get("ogc/collections/districts/items?limit=100").json().getInt("numberReturned"))
        .isEqualTo(19);
  }
}
