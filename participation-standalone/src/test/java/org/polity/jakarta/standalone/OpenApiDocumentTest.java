package org.polity.jakarta.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.testing.TestDatabase;

/**
 * The OpenAPI document of a running standalone server ({@code /openapi}): served as JSON when JSON
 * is asked for, complete (every operation has an id and a description, every request body and every
 * 2xx response with content has a schema and an example), true to the server (real answers use only
 * the members their schemas declare), and clean under Spectral's OpenAPI ruleset ({@code
 * .spectral.yaml} at the repository's root): no error, no warning.
 *
 * <p>Spectral is found through the system property {@value #SPECTRAL_PROPERTY}, the environment
 * variable {@value #SPECTRAL_VARIABLE} (which {@code .ci/run} sets, after installing it with {@code
 * npm ci --prefix .ci/spectral}), or at {@code .ci/spectral/node_modules/.bin/spectral}. When it is
 * named but missing the lint fails; when it is neither named nor installed the lint is skipped with
 * a message saying how to install it.
 */
class OpenApiDocumentTest {

  /** The system property naming Spectral's executable. */
  static final String SPECTRAL_PROPERTY = "polity.spectral";

  /** The environment variable naming Spectral's executable. */
  static final String SPECTRAL_VARIABLE = "POLITY_SPECTRAL";

  @TempDir static Path data;
  static PolityServer server;
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject document() throws Exception {
    HttpResponse<String> response = get("openapi", "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  @Test
  void acceptApplicationJsonGetsJson() throws Exception {
    HttpResponse<String> json = get("openapi", "application/json");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(json.body()).startsWith("{");
    assertThat(document().getString("openapi")).startsWith("3.");

    HttpResponse<String> format = get("openapi?format=JSON", null);
    assertThat(format.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(format.body()).startsWith("{");

    for (String accept : new String[] {null, "*/*", "application/yaml", "text/plain, */*"}) {
      HttpResponse<String> yaml = get("openapi", accept);
      assertThat(yaml.statusCode()).as("Accept: %s", accept).isEqualTo(200);
      assertThat(yaml.headers().firstValue("Content-Type"))
          .as("Accept: %s", accept)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
      assertThat(yaml.body()).as("Accept: %s", accept).contains("openapi: 3.");
    }
    HttpResponse<String> preferred = get("openapi", "application/yaml;q=0.5, application/json");
    assertThat(preferred.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

    HttpResponse<String> yamlAsked = get("openapi?format=yaml", "application/json");
    assertThat(yamlAsked.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
  }

  @Test
  void everyOperationHasAnIdADescriptionAndEveryBodyASchemaWithAnExample() throws Exception {
    JsonObject document = document();
    Files.writeString(Path.of("target", "openapi.json"), document.toString());
    List<String> missing = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonObject paths = document.getJsonObject("paths");
    int operations = 0;
    for (String path : paths.keySet()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.keySet()) {
        if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
          continue;
        }
        operations++;
        String where = method.toUpperCase() + " " + path;
        JsonObject operation = item.getJsonObject(method);
        String id = operation.getString("operationId", "");
        if (id.isBlank()) {
          missing.add(where + ": no operationId");
        } else if (!ids.add(id)) {
          missing.add(where + ": operationId " + id + " is not unique");
        }
        if (operation.getString("description", "").isBlank()) {
          missing.add(where + ": no description");
        }
        if (operation.containsKey("requestBody")) {
          JsonObject body = operation.getJsonObject("requestBody");
          checkContent(document, where + " request body", body.getJsonObject("content"), missing);
        }
        JsonObject responses = operation.getJsonObject("responses");
        for (String status : responses.keySet()) {
          JsonObject response = resolve(document, responses.getJsonObject(status));
          if (status.startsWith("2") && response.containsKey("content")) {
            checkContent(
                document,
                where + " response " + status,
                response.getJsonObject("content"),
                missing);
          }
        }
      }
    }
    assertThat(operations).isGreaterThan(50);
    assertThat(missing).as("what the OpenAPI document lacks").isEmpty();
  }

  /**
   * Each media type of a body has a schema (not a bare {@code {"type": "object"}}) and an example.
   */
  private static void checkContent(
      JsonObject document, String where, JsonObject content, List<String> missing) {
    if (content == null || content.isEmpty()) {
      missing.add(where + ": no content");
      return;
    }
    for (String mediaType : content.keySet()) {
      JsonObject media = content.getJsonObject(mediaType);
      if (!media.containsKey("schema")) {
        missing.add(where + " (" + mediaType + "): no schema");
      } else {
        JsonObject schema = resolve(document, media.getJsonObject("schema"));
        if (schema.equals(Json.createObjectBuilder().add("type", "object").build())) {
          missing.add(where + " (" + mediaType + "): a bare schema " + schema);
        }
      }
      boolean example =
          media.containsKey("example")
              || (media.containsKey("examples") && !media.getJsonObject("examples").isEmpty());
      if (!example) {
        missing.add(where + " (" + mediaType + "): no example");
      }
    }
  }

  private static JsonObject resolve(JsonObject document, JsonObject maybeReference) {
    if (!maybeReference.containsKey("$ref")) {
      return maybeReference;
    }
    JsonValue target = document;
    String ref = maybeReference.getString("$ref");
    for (String part : ref.substring(2).split("/")) {
      target = target.asJsonObject().get(part);
    }
    return target.asJsonObject();
  }

  /**
   * Real answers of a vote's life (declare, cast, check, extend, close) and of the reading
   * endpoints use only the members their documented schemas declare, with the declared JSON types:
   * a member renamed in a codec but not in the description fails here.
   */
  @Test
  void realAnswersUseOnlyTheMembersTheirSchemasDeclare() throws Exception {
    JsonObject document = document();
    String budget = "doc-" + Long.toHexString(System.nanoTime());
    String vote = "api/v1/budgets/" + budget + "/vote";
    java.time.Instant now =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    List<String> problems = new ArrayList<>();
    conforms(
        document,
        "PUT /api/v1/budgets/{budgetId}/vote",
        send(
            "PUT",
            vote,
            "{\"opensAt\":\""
                + now.minusSeconds(3600)
                + "\",\"closesAt\":\""
                + now.plusSeconds(86400)
                + "\"}",
            "ada",
            "administrator"),
        problems);
    HttpResponse<String> cast =
        send(
            "POST",
            "api/v1/budgets/" + budget + "/ballots",
            "{\"kind\":\"approval\",\"projects\":[\"p1\"]}",
            "alice",
            "participant");
    conforms(document, "POST /api/v1/budgets/{budgetId}/ballots", cast, problems);
    String receipt = json(cast.body()).getString("receipt");
    conforms(
        document,
        "GET /api/v1/budgets/{budgetId}/receipts/{code}",
        send("GET", "api/v1/budgets/" + budget + "/receipts/" + receipt, null, null, null),
        problems);
    conforms(
        document,
        "POST /api/v1/budgets/{budgetId}/paper-ballots",
        send(
            "POST",
            "api/v1/budgets/" + budget + "/paper-ballots",
            "{\"identifier\":\"85.07.30-033.61\",\"ballot\":{\"kind\":\"approval\","
                + "\"projects\":[\"p1\"]},\"attestation\":{\"document\":\"identity-card\","
                + "\"birthDate\":\"1985-07-30\"}}",
            "eve",
            "encoder"),
        problems);
    conforms(
        document,
        "GET /api/v1/budgets/{budgetId}/participation",
        send("GET", "api/v1/budgets/" + budget + "/participation", null, "alice", "participant"),
        problems);
    conforms(
        document,
        "GET /api/v1/budgets/{budgetId}/turnout",
        send("GET", "api/v1/budgets/" + budget + "/turnout", null, "eve", "encoder"),
        problems);
    conforms(
        document,
        "POST /api/v1/budgets/{budgetId}/vote/extend",
        send(
            "POST",
            vote + "/extend",
            "{\"closesAt\":\"" + now.plusSeconds(2 * 86400) + "\",\"reason\":\"An outage.\"}",
            "ada",
            "administrator"),
        problems);
    conforms(
        document,
        "POST /api/v1/budgets/{budgetId}/vote/close",
        send("POST", vote + "/close", "{\"reason\":\"Decided.\"}", "ada", "administrator"),
        problems);
    conforms(
        document,
        "GET /api/v1/budgets/{budgetId}/vote",
        send("GET", vote, null, null, null),
        problems);
    conforms(
        document,
        "GET /api/v1/me",
        send("GET", "api/v1/me", null, "alice", "participant"),
        problems);
    conforms(
        document,
        "GET /api/v1/admin/settings",
        send("GET", "api/v1/admin/settings", null, "ada", "administrator"),
        problems);
    conforms(document, "GET /health", send("GET", "health", null, null, null), problems);
    HttpResponse<String> news =
        send(
            "POST",
            "api/v1/news",
            "{\"title\":{\"en\":\"The vote is open\"},\"text\":{\"en\":\"Vote until May.\"}}",
            "ada",
            "administrator");
    conforms(document, "POST /api/v1/news", news, problems);
    HttpResponse<String> event =
        send(
            "POST",
            "api/v1/events",
            "{\"title\":{\"en\":\"Meeting\"},\"description\":{\"en\":\"About the budget.\"},"
                + "\"startsAt\":\""
                + now.plusSeconds(86400)
                + "\",\"endsAt\":\""
                + now.plusSeconds(90000)
                + "\",\"place\":{\"name\":\"Town hall\",\"address\":\"Place communale 1\","
                + "\"point\":{\"longitude\":4.41,\"latitude\":50.81}}}",
            "ada",
            "administrator");
    conforms(document, "POST /api/v1/events", event, problems);
    conforms(document, "GET /api/v1/news", send("GET", "api/v1/news", null, null, null), problems);
    conforms(
        document, "GET /api/v1/events", send("GET", "api/v1/events", null, null, null), problems);
    String process = "doc-process-" + Long.toHexString(System.nanoTime());
    conforms(
        document,
        "PUT /api/v1/processes/{processId}",
        send(
            "PUT",
            "api/v1/processes/" + process,
            """
            {"title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
             "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
             "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre"]},
             "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                       "maximumProjectCost": {"amount": "50000", "currency": "EUR"},
                       "themes": [{"id": "greenery", "name": {"en": "Greenery"}}], "minimumAge": 10},
             "budgets": ["%s-budget"],
             "eligibility": {"VOTE": {"identifiedAtLeast": "IDENTITY_PROVIDER"},
                             "SUBMIT": {"everyone": {}}}}
            """
                .formatted(process),
            "ada",
            "administrator"),
        problems);
    conforms(
        document,
        "GET /api/v1/processes/{processId}",
        send("GET", "api/v1/processes/" + process, null, null, null),
        problems);
    conforms(
        document,
        "GET /api/v1/processes/{processId}/eligibility",
        send(
            "GET",
            "api/v1/processes/" + process + "/eligibility?action=VOTE",
            null,
            "alice",
            "participant"),
        problems);
    HttpResponse<String> declared = send("GET", "api/v1/processes/" + process, null, null, null);
    String ideas =
        json(declared.body()).getJsonArray("phases").getValuesAs(JsonObject.class).stream()
            .filter(phase -> phase.getString("kind").equals("IDEA_SUBMISSION"))
            .map(phase -> phase.getString("id"))
            .findFirst()
            .orElseThrow();
    conforms(
        document,
        "POST /api/v1/processes/{processId}/phase-moves",
        send(
            "POST",
            "api/v1/processes/" + process + "/phase-moves",
            "{\"phase\":\"" + ideas + "\",\"why\":{\"en\":\"Ideas are welcome.\"}}",
            "ada",
            "administrator"),
        problems);
    HttpResponse<String> project =
        send(
            "POST",
            "api/v1/processes/" + process + "/projects",
            "{\"title\":{\"en\":\"A park\",\"fr\":\"Un parc\"},"
                + "\"description\":{\"en\":\"Trees and benches.\"},\"themes\":[\"greenery\"],"
                + "\"authors\":[{\"kind\":\"resident\",\"name\":\"Jeanne\",\"age\":71}],"
                + "\"estimatedCost\":{\"amount\":\"12000\",\"currency\":\"EUR\"}}",
            "alice",
            "participant");
    conforms(document, "POST /api/v1/processes/{processId}/projects", project, problems);
    if (project.statusCode() == 201) {
      String id = json(project.body()).getString("id");
      conforms(
          document,
          "GET /api/v1/processes/{processId}/projects/{projectId}",
          send("GET", "api/v1/processes/" + process + "/projects/" + id, null, null, null),
          problems);
      conforms(
          document,
          "GET /api/v1/processes/{processId}/projects/{projectId}/history",
          send(
              "GET",
              "api/v1/processes/" + process + "/projects/" + id + "/history",
              null,
              null,
              null),
          problems);
    }
    conforms(
        document,
        "GET /api/v1/processes/{processId}/projects",
        send("GET", "api/v1/processes/" + process + "/projects", null, null, null),
        problems);
    conforms(
        document,
        "GET /api/v1/processes",
        send("GET", "api/v1/processes", null, null, null),
        problems);
    assertThat(problems).as("answers beside their documented schemas").isEmpty();
  }

  static HttpResponse<String> send(
      String method, String path, String body, String user, String roles) throws Exception {
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
    if (user != null) {
      request.header(DevelopmentAuthenticationFilter.USER_HEADER, user);
      request.header(DevelopmentAuthenticationFilter.ROLES_HEADER, roles);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The answer has a documented status, and its body fits that status's JSON schema. */
  private static void conforms(
      JsonObject document, String operation, HttpResponse<String> answer, List<String> problems) {
    String[] parts = operation.split(" ", 2);
    JsonObject responses =
        document
            .getJsonObject("paths")
            .getJsonObject(parts[1])
            .getJsonObject(parts[0].toLowerCase(java.util.Locale.ROOT))
            .getJsonObject("responses");
    String status = String.valueOf(answer.statusCode());
    if (!status.startsWith("2")) {
      problems.add(operation + ": answered " + status + " " + answer.body());
      return;
    }
    if (!responses.containsKey(status)) {
      problems.add(operation + ": answered " + status + ", not documented");
      return;
    }
    JsonObject schema =
        resolve(document, responses.getJsonObject(status))
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema");
    fits(document, operation, schema, json(answer.body()), problems);
  }

  /** Every member of the value is declared by the schema, with its type; nested objects too. */
  private static void fits(
      JsonObject document,
      String where,
      JsonObject schema,
      JsonValue value,
      List<String> problems) {
    schema = resolve(document, schema);
    if (schema.containsKey("oneOf")) {
      boolean any = false;
      for (JsonValue option : schema.getJsonArray("oneOf")) {
        List<String> own = new ArrayList<>();
        fits(document, where, option.asJsonObject(), value, own);
        any |= own.isEmpty();
      }
      if (!any) {
        problems.add(where + ": " + value + " fits none of " + schema.getJsonArray("oneOf"));
      }
      return;
    }
    String type = schema.getString("type", null);
    if (type != null
        && !typeOf(value).equals(type)
        && !(type.equals("number") && typeOf(value).equals("integer"))) {
      problems.add(where + ": " + type + " expected, got " + value);
      return;
    }
    if (value instanceof JsonObject object) {
      JsonObject properties = schema.getJsonObject("properties");
      JsonValue additional = schema.get("additionalProperties");
      for (String member : object.keySet()) {
        if (properties != null && properties.containsKey(member)) {
          fits(
              document,
              where + "." + member,
              properties.getJsonObject(member),
              object.get(member),
              problems);
        } else if (additional instanceof JsonObject extra) {
          fits(document, where + "." + member, extra, object.get(member), problems);
        } else if (properties != null) {
          problems.add(where + ": member " + member + " is not in the schema");
        }
      }
    } else if (value instanceof jakarta.json.JsonArray array && schema.containsKey("items")) {
      for (int i = 0; i < array.size(); i++) {
        fits(
            document, where + "[" + i + "]", schema.getJsonObject("items"), array.get(i), problems);
      }
    }
  }

  private static String typeOf(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> ((jakarta.json.JsonNumber) value).isIntegral() ? "integer" : "number";
      case TRUE, FALSE -> "boolean";
      case NULL -> "null";
    };
  }

  @Test
  void spectralFindsNoErrorAndNoWarning() throws Exception {
    Path root = repositoryRoot();
    Optional<Path> spectral = spectral(root);
    Assumptions.assumeTrue(
        spectral.isPresent(),
        "Spectral is not installed: the OpenAPI lint is skipped. Install it with `npm ci --prefix"
            + " .ci/spectral` (what .ci/run does), or name it with -D"
            + SPECTRAL_PROPERTY
            + "=PATH or "
            + SPECTRAL_VARIABLE
            + "=PATH.");
    Path file = data.resolve("openapi.json");
    Files.writeString(file, document().toString(), StandardCharsets.UTF_8);
    Path ruleset = root.resolve(".spectral.yaml");
    assertThat(ruleset).exists();
    Process process =
        new ProcessBuilder(
                spectral.get().toString(),
                "lint",
                "--ruleset",
                ruleset.toString(),
                "--fail-severity",
                "warn",
                "--format",
                "text",
                file.toString())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("spectral ends").isTrue();
    assertThat(process.exitValue()).as("spectral lint:\n%s", output).isZero();
    assertThat(output).doesNotContain(" error ").doesNotContain(" warning ");
  }

  /**
   * Spectral's executable: named by the system property or the environment variable (it must then
   * exist), or installed at {@code .ci/spectral}.
   */
  static Optional<Path> spectral(Path root) throws IOException {
    String named = System.getProperty(SPECTRAL_PROPERTY, System.getenv(SPECTRAL_VARIABLE));
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named);
      assertThat(Files.isExecutable(path))
          .as(
              "Spectral named by %s/%s is not executable: %s",
              SPECTRAL_PROPERTY, SPECTRAL_VARIABLE, path)
          .isTrue();
      return Optional.of(path);
    }
    Path installed = root.resolve(".ci/spectral/node_modules/.bin/spectral");
    return Files.isExecutable(installed) ? Optional.of(installed) : Optional.empty();
  }

  /** The repository's root: the nearest folder above the working directory with .spectral.yaml. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve(".spectral.yaml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as(".spectral.yaml above %s", Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }
}
