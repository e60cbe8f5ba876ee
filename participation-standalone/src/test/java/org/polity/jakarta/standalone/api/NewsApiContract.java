package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.standalone.PolityServer;

/**
 * News and events through the REST API on a real server and database; subclasses choose the
 * database. Staff publish, residents and anonymous readers read, edits need If-Match, withdrawn
 * items disappear, bad input is a 400 naming every bad field, refusals speak the reader's language.
 */
abstract class NewsApiContract {

  static PolityServer server;
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  static void start(Map<String, String> database) {
    Map<String, String> settings = new HashMap<>(database);
    settings.put("polity.mode", "development");
    settings.put("polity.news.page-size", "3");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** A reply with its headers. */
  record Reply(int status, Map<String, List<String>> headers, String body) {
    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  static Reply call(String method, String path, String body, String role, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (role != null) {
      request.header("X-Polity-Dev-User", "user-" + role).header("X-Polity-Dev-Roles", role);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String item(String title) {
    return "{\"title\": {\"fr\": \""
        + title
        + "\", \"nl\": \""
        + title
        + " (nl)\"}, \"text\": {\"fr\": \"Le texte.\", \"en\": \"The text.\"},"
        + " \"process\": \"pb-2026\"}";
  }

  static String event(String title, Instant start, Instant end) {
    return "{\"title\": {\"en\": \""
        + title
        + "\"}, \"description\": {\"fr\": \"Présentation des projets.\"},"
        + " \"startsAt\": \""
        + start
        + "\", \"endsAt\": \""
        + end
        + "\", \"place\": {\"name\": \"Maison communale\", \"address\": \"Place Communale 1,"
        + " 1000 Bruxelles\", \"point\": {\"longitude\": 4.3517, \"latitude\": 50.8466}}}";
  }

  static List<String> fields(Reply reply) {
    return reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .toList();
  }

  @Test
  void staffPublishAndEveryoneReads() {
    for (String role : List.of("reviewer", "encoder", "moderator", "administrator")) {
      Reply published = call("POST", "api/v1/news", item("Par " + role), role);
      assertThat(published.status()).as(published.body()).isEqualTo(201);
      String id = published.json().getString("id");
      assertThat(published.header("Location")).endsWith("/api/v1/news/" + id);
      assertThat(published.header("ETag")).isEqualTo("\"1\"");
      assertThat(published.json().getJsonObject("title").getString("nl"))
          .isEqualTo("Par " + role + " (nl)");
      assertThat(published.json().getString("process")).isEqualTo("pb-2026");
      for (String reader : new String[] {null, "participant"}) {
        Reply read = call("GET", "api/v1/news/" + id, null, reader);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getJsonObject("text").getString("en")).isEqualTo("The text.");
      }
    }
    assertThat(call("POST", "api/v1/news", item("Non"), "participant").status()).isEqualTo(403);
    assertThat(call("POST", "api/v1/news", item("Non"), null).status()).isEqualTo(401);
  }

  @Test
  void newsAreNewestFirstAndPagedByTheSetting() {
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    for (int i = 0; i < 4; i++) {
      String body =
          "{\"title\": {\"fr\": \"Ancienne "
              + i
              + "\"}, \"text\": {\"fr\": \"x\"},"
              + " \"publishedAt\": \""
              + base.plus(i, ChronoUnit.DAYS)
              + "\"}";
      assertThat(call("POST", "api/v1/news", body, "administrator").status()).isEqualTo(201);
    }
    Reply first = call("GET", "api/v1/news", null, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().getInt("limit")).isEqualTo(3);
    int total = first.json().getInt("total");
    Reply last = call("GET", "api/v1/news?offset=" + (total - 4) + "&limit=4", null, null);
    assertThat(
            last.json().getJsonArray("news").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getJsonObject("title").getString("fr")))
        .containsExactly("Ancienne 3", "Ancienne 2", "Ancienne 1", "Ancienne 0");
    List<Instant> times =
        call("GET", "api/v1/news?limit=100", null, null)
            .json()
            .getJsonArray("news")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(n -> Instant.parse(n.getString("publishedAt")))
            .toList();
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(call("GET", "api/v1/news?limit=101", null, null).status()).isEqualTo(400);
    assertThat(call("GET", "api/v1/news?limit=0", null, null).status()).isEqualTo(400);
  }

  @Test
  void anItemScheduledForLaterIsShownToStaffOnly() {
    String body =
        "{\"title\": {\"en\": \"Tomorrow\"}, \"text\": {\"en\": \"Later.\"}, \"publishedAt\": \""
            + Instant.now().plus(1, ChronoUnit.DAYS)
            + "\"}";
    String id = call("POST", "api/v1/news", body, "moderator").json().getString("id");
    assertThat(call("GET", "api/v1/news/" + id, null, null).status()).isEqualTo(404);
    assertThat(call("GET", "api/v1/news/" + id, null, "participant").status()).isEqualTo(404);
    assertThat(call("GET", "api/v1/news/" + id, null, "moderator").status()).isEqualTo(200);
    assertThat(ids(call("GET", "api/v1/news?limit=100", null, null), "news")).doesNotContain(id);
    assertThat(ids(call("GET", "api/v1/news?limit=100", null, "reviewer"), "news")).contains(id);
  }

  @Test
  void anEditNeedsTheETagAndAWithdrawnItemIsGone() {
    String id = call("POST", "api/v1/news", item("Première"), "reviewer").json().getString("id");
    String path = "api/v1/news/" + id;
    assertThat(call("PUT", path, item("Sans ETag"), "reviewer").status()).isEqualTo(428);
    Reply edited = call("PUT", path, item("Deuxième"), "reviewer", "If-Match", "\"1\"");
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.header("ETag")).isEqualTo("\"2\"");
    assertThat(edited.json().getJsonObject("title").getString("fr")).isEqualTo("Deuxième");
    Reply stale = call("PUT", path, item("Trop tard"), "moderator", "If-Match", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().getString("type")).endsWith("precondition-failed");
    assertThat(call("PUT", path, item("Non"), "participant", "If-Match", "\"2\"").status())
        .isEqualTo(403);
    assertThat(call("DELETE", path, null, "participant").status()).isEqualTo(403);
    assertThat(call("DELETE", path, null, "administrator").status()).isEqualTo(204);
    Reply gone = call("GET", path, null, null, "Accept-Language", "nl");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.header("Content-Language")).isEqualTo("nl");
    assertThat(gone.json().getString("detail")).startsWith("Er is geen nieuwsbericht " + id);
    Reply again = call("DELETE", path, null, "administrator", "Accept-Language", "fr");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json().getString("detail")).startsWith("Il n’y a pas d’actualité " + id);
    assertThat(ids(call("GET", "api/v1/news?limit=100", null, null), "news")).doesNotContain(id);
  }

  @Test
  void badInputIsA400NamingEveryBadField() {
    Reply bad =
        call(
            "POST",
            "api/v1/news",
            "{\"title\": {\"de\": \"Hallo\"}, \"text\": {}, \"publishedAt\": \"yesterday\","
                + " \"process\": \"no spaces\", \"colour\": \"red\"}",
            "administrator");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(fields(bad))
        .containsExactlyInAnyOrder("colour", "title", "text", "publishedAt", "process");
    Instant start = Instant.parse("2030-05-01T18:00:00Z");
    Reply event =
        call(
            "POST",
            "api/v1/events",
            "{\"title\": {\"fr\": \" \"}, \"startsAt\": \""
                + start
                + "\", \"endsAt\": \""
                + start.minusSeconds(60)
                + "\", \"place\": {\"address\": \"\", \"point\": {\"longitude\": 200,"
                + " \"latitude\": 50}}}",
            "administrator");
    assertThat(event.status()).isEqualTo(400);
    assertThat(fields(event))
        .containsExactlyInAnyOrder(
            "title.fr", "description", "endsAt", "place.name", "place.address", "place.point");
    assertThat(call("GET", "api/v1/news/Not%20An%20Id", null, null).status()).isEqualTo(400);
  }

  @Test
  void eventsComeUpcomingFirstWithTheirPlace() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant far = now.plus(3650, ChronoUnit.DAYS);
    Map<String, Instant> starts =
        Map.of(
            "past",
            now.minus(30, ChronoUnit.DAYS),
            "soon",
            far.plus(1, ChronoUnit.DAYS),
            "later",
            far.plus(2, ChronoUnit.DAYS),
            "going-on",
            now.minus(1, ChronoUnit.HOURS));
    Map<String, String> ids = new HashMap<>();
    for (var entry : starts.entrySet()) {
      Instant end =
          entry.getKey().equals("going-on")
              ? now.plus(1, ChronoUnit.DAYS)
              : entry.getValue().plus(2, ChronoUnit.HOURS);
      Reply announced =
          call("POST", "api/v1/events", event(entry.getKey(), entry.getValue(), end), "encoder");
      assertThat(announced.status()).as(announced.body()).isEqualTo(201);
      ids.put(entry.getKey(), announced.json().getString("id"));
    }
    JsonArray events =
        call("GET", "api/v1/events?limit=100", null, "participant").json().getJsonArray("events");
    List<String> order = ids(events);
    int goingOn = order.indexOf(ids.get("going-on"));
    int soon = order.indexOf(ids.get("soon"));
    int later = order.indexOf(ids.get("later"));
    int past = order.indexOf(ids.get("past"));
    assertThat(goingOn).isLessThan(soon);
    assertThat(soon).isLessThan(later);
    assertThat(later).isLessThan(past);
    JsonObject one = call("GET", "api/v1/events/" + ids.get("soon"), null, null).json();
    assertThat(one.getString("startsAt")).isEqualTo(starts.get("soon").toString());
    JsonObject place = one.getJsonObject("place");
    assertThat(place.getString("name")).isEqualTo("Maison communale");
    assertThat(place.getString("address")).startsWith("Place Communale 1");
    assertThat(place.getJsonObject("point").getJsonNumber("longitude").doubleValue())
        .isEqualTo(4.3517);
    assertThat(call("GET", "api/v1/events", null, null).json().getInt("limit")).isEqualTo(3);
  }

  @Test
  void anEventIsEditedWithItsETagAndWithdrawn() {
    Instant start = Instant.parse("2031-06-01T17:00:00Z");
    Reply announced = call("POST", "api/v1/events", event("Balade", start, start), "moderator");
    assertThat(announced.status()).as(announced.body()).isEqualTo(201);
    String path = "api/v1/events/" + announced.json().getString("id");
    Instant moved = start.plus(1, ChronoUnit.DAYS);
    Reply edited =
        call(
            "PUT",
            path,
            event("Balade", moved, moved.plusSeconds(3600)),
            "moderator",
            "If-Match",
            announced.header("ETag"));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().getString("startsAt")).isEqualTo(moved.toString());
    assertThat(
            call("PUT", path, event("x", moved, moved), "moderator", "If-Match", "\"1\"").status())
        .isEqualTo(412);
    assertThat(call("DELETE", path, null, null).status()).isEqualTo(401);
    assertThat(call("DELETE", path, null, "moderator").status()).isEqualTo(204);
    Reply gone = call("GET", path, null, null, "Accept-Language", "en");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().getString("detail")).startsWith("There is no event");
  }

  private static List<String> ids(Reply reply, String member) {
    return ids(reply.json().getJsonArray(member));
  }

  private static List<String> ids(JsonArray array) {
    return array.getValuesAs(JsonObject.class).stream()
        .map(o -> o.get("id"))
        .map(v -> ((JsonString) v).getString())
        .toList();
  }
}
