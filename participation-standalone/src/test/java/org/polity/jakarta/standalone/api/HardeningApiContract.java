package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.standalone.PolityServer;

/**
 * The hardening findings of issue 13 (high, medium and low; ballot secrecy aside), each through
 * real HTTP on the standalone server; subclasses choose the database. Bodies, numbers, texts and
 * headers are bounded and answered with problem documents in the reader's language, staff
 * identifiers stay out of public views, HTML pages carry security headers and no copied Host, CSV
 * cells cannot start a formula, receipt checks are rate-limited, attachments are http(s).
 */
abstract class HardeningApiContract {

  /** The body limit of these tests (the default is 1 MiB). */
  static final int MAX_BODY = 64 * 1024;

  /** Receipt checks a client may make per minute in these tests. */
  static final int RECEIPT_CHECKS = 5;

  static PolityServer server;
  static HttpClient client;

  static void start(Map<String, String> database) {
    Map<String, String> settings = new HashMap<>(database);
    settings.put("polity.mode", "development");
    settings.put("polity.http.max-body-size", Integer.toString(MAX_BODY));
    settings.put("polity.voting.receipt-checks-per-minute", Integer.toString(RECEIPT_CHECKS));
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  record Reply(int status, Map<String, List<String>> headers, String body) {
    jakarta.json.JsonObject json() {
      try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
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

    /** A problem document, never an HTML page, never naming the server. */
    Reply isProblem(int expected) {
      assertThat(status).as(body).isEqualTo(expected);
      assertThat(header("Content-Type")).as(body).startsWith("application/problem+json");
      assertThat(body).doesNotContainIgnoringCase("grizzly").doesNotContain("<html");
      assertThat(header("Server")).as("no server version").isNull();
      return this;
    }
  }

  static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder request(
      String method,
      String path,
      HttpRequest.BodyPublisher body,
      String user,
      String roles,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body)
            .header("Content-Type", "application/json");
    if (user != null) {
      request.header("X-Polity-Dev-User", user);
      request.header("X-Polity-Dev-Roles", roles);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  static Reply send(
      String method, String path, String body, String user, String roles, String... headers) {
    return send(
        request(
            method,
            path,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body),
            user,
            roles,
            headers));
  }

  /** A raw HTTP/1.1 exchange, for headers the JDK client will not send (Host). */
  static String raw(String requestText) {
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestText.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unique(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  static String definition(String title, String budget) {
    return """
        {"title": %s,
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}],
                   "minimumAge": 10},
         "budgets": ["%s"],
         "eligibility": {"SUBMIT": {"everyone": {}}}}
        """
        .formatted(title, budget);
  }

  static String declare() {
    String process = unique("hard");
    Reply reply =
        send(
            "PUT",
            "api/v1/processes/" + process,
            definition("{\"en\": \"Hardened\"}", unique("hard-budget")),
            "ada-national-85073100123",
            "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    Reply moved =
        send(
            "POST",
            "api/v1/processes/" + process + "/phase-moves",
            "{\"phase\": \"submission\", \"why\": {\"en\": \"On schedule.\"}}",
            "ada-national-85073100123",
            "administrator");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    return process;
  }

  static String idea(String title, String cost, String attachments) {
    return """
        {"title": {"fr": %s}, "description": {"fr": "Des bacs au parc."},
         "themes": ["greenery"], "estimatedCost": {"amount": %s, "currency": "EUR"},
         "district": "North", "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}]%s}
        """
        .formatted(title, cost, attachments);
  }

  static Reply submit(String process, String body, String... headers) {
    return send(
        "POST",
        "api/v1/processes/" + process + "/projects",
        body,
        "jeanne",
        "participant",
        headers);
  }

  // --- High: bodies -------------------------------------------------------------------------

  @Test
  void aBodyLargerThanTheLimitIsRefusedWith413InTheReadersLanguage() {
    String process = declare();
    String big = idea("\"" + "x".repeat(MAX_BODY) + "\"", "\"10\"", "");
    Reply reply = submit(process, big, "Accept-Language", "fr").isProblem(413);
    assertThat(reply.header("Content-Language")).isEqualTo("fr");
    assertThat(reply.json().getString("title")).isEqualTo("La demande est trop volumineuse");
    assertThat(reply.json().getString("detail")).contains(Integer.toString(MAX_BODY));
  }

  @Test
  void aStreamedBodyWithoutLengthIsCutAtTheLimit() {
    String process = declare();
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    long before = usedHeap();
    for (int i = 0; i < 8; i++) {
      HttpRequest.BodyPublisher endless =
          HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(100L * 1024 * 1024));
      replies.add(
          client.sendAsync(
              request(
                      "POST",
                      "api/v1/processes/" + process + "/projects",
                      endless,
                      "jeanne",
                      "participant")
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> future : replies) {
      HttpResponse<String> response = future.join();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(usedHeap() - before)
        .as("eight 100 MB bodies are not held in memory")
        .isLessThan(400L * 1024 * 1024);
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** A JSON string of the given length, produced as it is read. */
  static final class Filler extends InputStream {
    private long left;
    private boolean started;

    Filler(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (!started) {
        started = true;
        return '"';
      }
      return left-- > 0 ? 'a' : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      java.util.Arrays.fill(b, off, off + n, (byte) 'a');
      if (!started) {
        started = true;
        b[off] = '"';
      }
      left -= n;
      return n;
    }
  }

  // --- High: numbers ------------------------------------------------------------------------

  @Test
  void aHugeExponentIsRefusedBeforeAnyArithmetic() {
    String process = declare();
    for (String cost :
        List.of(
            "\"1e10000000\"",
            "\"1e999999999\"",
            "1e10000000",
            "1e999999999",
            "\"1e-999999\"",
            "1".repeat(5000),
            "\"" + "1".repeat(5000) + "\"")) {
      long start = System.nanoTime();
      Reply reply = submit(process, idea("\"Un potager\"", cost, ""), "Accept-Language", "fr");
      long millis = (System.nanoTime() - start) / 1_000_000;
      reply.isProblem(400);
      if (!cost.startsWith("11111")) {
        // A JSON number longer than the parser reads (Parsson: 1100 digits) is refused whole.
        assertThat(reply.body()).as(cost).contains("estimatedCost");
      }
      assertThat(reply.body().length()).as("the answer does not echo the number").isLessThan(3000);
      assertThat(millis).as(cost + " is refused at once").isLessThan(2_000);
    }
  }

  @Test
  void headersLargerThanTheServerAcceptsAreRefusedWithoutA500() {
    String answer =
        raw(
            "GET /api/v1/processes HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n"
                + "X-Padding: "
                + "p".repeat(64 * 1024)
                + "\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(answer).matches("(?s)HTTP/1\\.1 4[0-9][0-9] .*");
    assertThat(answer.toLowerCase()).doesNotContain("server:").doesNotContain("grizzly");
  }

  // --- Medium: JSON that is not an object, deep, and long texts -----------------------------

  @Test
  void aBodyThatIsNotAnObjectIsA400Problem() {
    String process = declare();
    for (String body : List.of("[1,2]", "null", "42", "\"text\"", "true")) {
      Reply reply = submit(process, body, "Accept-Language", "nl").isProblem(400);
      assertThat(reply.header("Content-Language")).as(body).isEqualTo("nl");
    }
  }

  @Test
  void jsonNestedDeeperThanTheParserAllowsIsA400Problem() {
    String process = declare();
    String deep = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
    submit(process, deep).isProblem(400);
    String deepArray = "{\"title\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
    submit(process, deepArray).isProblem(400);
  }

  @Test
  void aMalformedAcceptLanguageIsNeitherA500NorLoggedWhole() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            logged.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    root.addHandler(handler);
    try {
      String marker = "zz" + "q".repeat(2000);
      for (String value : List.of("en;q=abc", "fr;q=1.5," + marker, ";;;=,,," + marker, "*;q=")) {
        Reply reply = send("GET", "api/v1/processes", null, null, null, "Accept-Language", value);
        assertThat(reply.status()).as(value + ": " + reply.body()).isLessThan(500);
        Reply process = submit(declare(), "[1]", "Accept-Language", value);
        assertThat(process.status()).as(value).isEqualTo(400);
      }
      assertThat(logged).noneMatch(line -> line.contains("q".repeat(300)));
    } finally {
      root.removeHandler(handler);
    }
  }

  @Test
  void aTitleOfAMegabyteIsA400NamingTheField() {
    String huge = "x".repeat(MAX_BODY - 2048);
    Reply process =
        send(
                "PUT",
                "api/v1/processes/" + unique("long"),
                definition("{\"en\": \"" + huge + "\"}", unique("long-budget")),
                "ada",
                "administrator",
                "Accept-Language",
                "fr")
            .isProblem(400);
    assertThat(process.body()).contains("title");
    Reply initiative =
        send(
                "POST",
                "api/v1/initiatives",
                """
            {"title": {"fr": "%s"}, "description": {"fr": "Un café"},
             "kind": "participatory-budget", "point": [4.35, 50.85]}
            """
                    .formatted(huge),
                "jeanne",
                "participant")
            .isProblem(400);
    assertThat(initiative.body()).contains("title");
  }

  // --- Medium: staff identifiers --------------------------------------------------------------

  @Test
  void anonymousReadersDoNotSeeStaffSignInNames() {
    String process = declare();
    Reply idea = submit(process, idea("\"Un potager\"", "\"1000\"", ""));
    assertThat(idea.status()).as(idea.body()).isEqualTo(201);
    String project = idea.json().getString("id");
    Reply moved =
        send(
            "POST",
            "api/v1/processes/" + process + "/phase-moves",
            "{\"phase\": \"feasibility\", \"why\": {\"en\": \"On schedule.\"}}",
            "ada-national-85073100123",
            "administrator");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    String path = "api/v1/processes/" + process + "/projects/" + project;
    Reply started =
        send(
            "POST",
            path + "/status",
            "{\"to\": \"UNDER_REVIEW\", \"why\": {\"en\": \"x\"}}",
            "rita-national-90010100456",
            "reviewer",
            "If-Match",
            send("GET", path, null, null, null).header("ETag"));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String review =
        """
        {"checklist": {"ON_TERRITORY": true, "WITHIN_COMPETENCE": true, "WITHIN_MAXIMUM_COST": true,
                       "PUBLIC_INTEREST": true, "WITHIN_THEMES": true},
         "costEstimate": {"amount": "1500", "currency": "EUR"},
         "publicAnswer": {"en": "Feasible."}}
        """;
    Reply reviewed =
        send(
            "PUT",
            path + "/review",
            review,
            "rita-national-90010100456",
            "reviewer",
            "If-Match",
            started.header("ETag"));
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);

    for (String view :
        List.of(
            "api/v1/processes/" + process,
            path,
            path + "/history",
            "api/v1/processes/" + process + "/projects")) {
      Reply anonymous = send("GET", view, null, null, null);
      assertThat(anonymous.status()).as(view).isEqualTo(200);
      assertThat(anonymous.body())
          .as(view)
          .doesNotContain("85073100123")
          .doesNotContain("90010100456");
    }
    Reply staff = send("GET", path, null, "sam", "reviewer");
    assertThat(staff.body()).as("the audit keeps who did it").contains("rita-national-90010100456");
  }

  // --- Medium: /ogc HTML pages ----------------------------------------------------------------

  @Test
  void ogcHtmlPagesIgnoreTheHostHeaderAndCarryCacheAndSecurityHeaders() {
    String answer =
        raw(
            "GET /ogc/collections/initiatives/items?f=html HTTP/1.1\r\n"
                + "Host: evil.example\r\n"
                + "Accept: text/html\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200");
    String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(answer).doesNotContain("evil.example");
    assertThat(head).contains("cache-control:");
    assertThat(head)
        .contains("content-security-policy:")
        .contains("frame-ancestors 'none'")
        .contains("x-content-type-options: nosniff")
        .contains("referrer-policy:");
    assertThat(head).doesNotContain("server:");
    String json =
        raw(
            "GET /ogc/collections/initiatives/items?f=json HTTP/1.1\r\n"
                + "Host: evil.example\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(json.substring(0, json.indexOf("\r\n\r\n")).toLowerCase())
        .as(
            "JSON links follow the request when no public base URL is set: no shared cache keeps them")
        .contains("cache-control: private");
  }

  // --- Medium: CSV --------------------------------------------------------------------------

  @Test
  void csvCellsCannotStartAFormula() {
    String process = declare();
    for (String title : List.of("=HYPERLINK(\\\"http://x\\\")", "@SUM(A1)", "-2+3", "+1")) {
      Reply idea = submit(process, idea("\"" + title + "\"", "\"10\"", ""));
      assertThat(idea.status()).as(idea.body()).isEqualTo(201);
    }
    Reply csv =
        send("GET", "api/v1/processes/" + process + "/projects.csv", null, "rita", "reviewer");
    assertThat(csv.status()).isEqualTo(200);
    for (String line : csv.body().lines().skip(1).toList()) {
      for (String cell : line.split(",")) {
        String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
        assertThat(bare).as(line).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
        if (bare.startsWith("-")) {
          assertThat(bare).as(line).matches("-[0-9.]+");
        }
      }
    }
    assertThat(csv.body()).contains("'=HYPERLINK").contains("'@SUM").contains("'-2+3");
  }

  // --- Low: receipts, attachments, health ----------------------------------------------------

  @Test
  void receiptChecksAreRateLimitedPerClient() {
    String budget = unique("receipts");
    Reply last = null;
    for (int i = 0; i <= RECEIPT_CHECKS; i++) {
      last =
          send(
              "GET",
              "api/v1/budgets/" + budget + "/receipts/7K3M-Q9PX-2RTV-8HNA-C4WE",
              null,
              null,
              null,
              "Accept-Language",
              "fr");
      if (i < RECEIPT_CHECKS) {
        assertThat(last.status()).as(last.body()).isNotEqualTo(429);
      }
    }
    last.isProblem(429);
    assertThat(last.header("Retry-After")).matches("[1-9][0-9]*");
    assertThat(last.header("Content-Language")).isEqualTo("fr");
  }

  @Test
  void attachmentsMustBeHttpAddresses() {
    String process = declare();
    for (String uri :
        List.of(
            "javascript:alert(1)",
            "data:text/html,<script>x</script>",
            "file:///etc/passwd",
            "//no-scheme")) {
      String attachment =
          ", \"attachments\": [{\"name\": \"plan.pdf\", \"mediaType\": \"application/pdf\","
              + " \"sizeBytes\": 12, \"uri\": \""
              + uri
              + "\"}]";
      Reply reply = submit(process, idea("\"Un potager\"", "\"10\"", attachment)).isProblem(400);
      assertThat(reply.body()).as(uri).contains("attachments[0]");
    }
    String fine =
        ", \"attachments\": [{\"name\": \"plan.pdf\", \"mediaType\": \"application/pdf\","
            + " \"sizeBytes\": 12, \"uri\": \"https://example.org/plan.pdf\"}]";
    assertThat(submit(process, idea("\"Un potager\"", "\"10\"", fine)).status()).isEqualTo(201);
  }

  @Test
  void healthTellsAnonymousCallersOnlyUpOrDown() {
    Reply health = send("GET", "health", null, null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(health.body())
        .doesNotContainIgnoringCase("h2 ")
        .doesNotContainIgnoringCase("postgres");
    assertThat(health.body()).doesNotContain("database\"");
  }
}
