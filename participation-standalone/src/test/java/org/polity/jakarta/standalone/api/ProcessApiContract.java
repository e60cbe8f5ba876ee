package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.standalone.PolityServer;

/**
 * Processes, projects and eligibility through the REST API on a real server and database;
 * subclasses choose the database. Each test declares its own process.
 */
abstract class ProcessApiContract {

  static PolityServer server;
  static HttpClient client;

  static void start(Map<String, String> database) {
    Map<String, String> settings = new HashMap<>(database);
    settings.put("polity.mode", "development");
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
    JsonObject json() {
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
  }

  /** A request with the development sign-in and extra headers (name, value, name, value...). */
  static Reply send(
      String method, String path, String body, String user, String roles, String... headers) {
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
      request.header("X-Polity-Dev-User", user);
      request.header("X-Polity-Dev-Roles", roles);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
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

  static String unique(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  /** A shared-budget process moved by staff, with the given eligibility rules and one budget. */
  static String declare(String process, String budget, String eligibility) {
    String definition =
        """
        {"title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "maximumProjectCost": {"amount": "50000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation"}},
                              {"id": "mobility", "name": {"en": "Mobility"}}],
                   "minimumAge": 10},
         "budgets": ["%s"],
         "eligibility": %s}
        """
            .formatted(budget, eligibility);
    Reply reply = send("PUT", "api/v1/processes/" + process, definition, "ada", "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return process;
  }

  static void openVote(String budget) {
    Reply reply =
        send(
            "PUT",
            "api/v1/budgets/" + budget + "/vote",
            "{\"opensAt\":\""
                + Instant.now().minusSeconds(3600)
                + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86400)
                + "\",\"changesAllowed\":true,\"form\":{\"minProjects\":0}}",
            "ada",
            "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  static final String VOTERS =
      """
      {"VOTE": {"allOf": [{"minimumAge": {"years": 16}},
                          {"livesInMunicipality": {"name": {"fr": "Auderghem", "nl": "Oudergem", "en": "Auderghem"},
                                                   "codes": ["21002"]}}]},
       "SUBMIT": {"everyone": {}}}
      """;

  /** An empty approval ballot: these processes have no projects, their votes' forms allow it. */
  static final String BALLOT = "{\"kind\":\"approval\",\"projects\":[]}";

  static Reply cast(String budget, String user, String... headers) {
    return send(
        "POST", "api/v1/budgets/" + budget + "/ballots", BALLOT, user, "participant", headers);
  }

  @Test
  void castingChecksTheProcessRulesAndExplainsRefusalsInTheReadersLanguage() {
    String budget = unique("elig-budget");
    String process = declare(unique("elig"), budget, VOTERS);
    openVote(budget);
    toVote(process);
    String adult = LocalDate.now().minusYears(30).toString();
    String child = LocalDate.now().minusYears(12).toString();

    Reply young =
        cast(
            budget,
            "young",
            "X-Polity-Dev-Birth-Date",
            child,
            "X-Polity-Dev-Address",
            "municipality=21002",
            "Accept-Language",
            "fr-BE, nl;q=0.8");
    assertThat(young.status()).as(young.body()).isEqualTo(403);
    assertThat(young.header("Content-Type")).startsWith("application/problem+json");
    assertThat(young.header("Content-Language")).isEqualTo("fr");
    JsonObject problem = young.json();
    assertThat(problem.getString("type")).endsWith("/not-eligible");
    assertThat(problem.getInt("status")).isEqualTo(403);
    assertThat(problem.getJsonArray("reasons")).hasSize(1);
    assertThat(problem.getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("TOO_YOUNG");
    assertThat(problem.getString("detail")).contains("16").contains("ans");

    Reply elsewhere =
        cast(
            budget,
            "elsewhere",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "municipality=21005",
            "Accept-Language",
            "nl");
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(403);
    assertThat(elsewhere.json().getString("detail")).contains("Oudergem");
    assertThat(elsewhere.json().getJsonArray("remedies").getValuesAs(JsonString.class))
        .isNotEmpty();

    Reply unknown = cast(budget, "unknown", "Accept-Language", "en");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
    assertThat(unknown.json().getString("type")).endsWith("/eligibility-unresolved");
    assertThat(unknown.json().getJsonArray("reasons").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("code"))
        .contains("BIRTH_DATE_MISSING", "ADDRESS_MISSING");

    Reply resident =
        cast(
            budget,
            "resident",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "municipality=21002");
    assertThat(resident.status()).as(resident.body()).isEqualTo(201);

    Reply turnout =
        send("GET", "api/v1/budgets/" + budget + "/turnout", null, "ada", "administrator");
    assertThat(turnout.json().getInt("total")).isEqualTo(1);
  }

  @Test
  void aStartedProcessStillDecidesEveryBallotFromItsRulesOnceItsDefinitionIsKeptInMemory() {
    // A started process's definition is kept in memory by budget (issue 5, vote intake): the
    // first cast reads it, the next ones must still apply its rules to each caller.
    String budget = unique("started-budget");
    String process = declare(unique("started"), budget, VOTERS);
    toVote(process);
    openVote(budget);
    String adult = LocalDate.now().minusYears(30).toString();
    String child = LocalDate.now().minusYears(12).toString();
    for (int round = 0; round < 3; round++) {
      Reply young =
          cast(
              budget,
              "young-" + round,
              "X-Polity-Dev-Birth-Date",
              child,
              "X-Polity-Dev-Address",
              "municipality=21002");
      assertThat(young.status()).as(young.body()).isEqualTo(403);
      assertThat(young.json().getJsonArray("reasons").getJsonObject(0).getString("code"))
          .isEqualTo("TOO_YOUNG");
      Reply unknown = cast(budget, "unknown-" + round);
      assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
      Reply resident =
          cast(
              budget,
              "resident-" + round,
              "X-Polity-Dev-Birth-Date",
              adult,
              "X-Polity-Dev-Address",
              "municipality=21002");
      assertThat(resident.status()).as(resident.body()).isEqualTo(201);
    }
    Reply turnout =
        send("GET", "api/v1/budgets/" + budget + "/turnout", null, "ada", "administrator");
    assertThat(turnout.json().getInt("total")).isEqualTo(3);
  }

  @Test
  void theEligibilityEndpointAnswersForTheCurrentUser() {
    String process = declare(unique("check"), unique("check-budget"), VOTERS);
    Reply young =
        send(
            "GET",
            "api/v1/processes/" + process + "/eligibility?action=VOTE",
            null,
            "young",
            "participant",
            "X-Polity-Dev-Birth-Date",
            LocalDate.now().minusYears(12).toString(),
            "X-Polity-Dev-Address",
            "municipality=21002",
            "Accept-Language",
            "nl");
    assertThat(young.status()).as(young.body()).isEqualTo(200);
    assertThat(young.json().getBoolean("eligible")).isFalse();
    assertThat(young.json().getString("status")).isEqualTo("unauthorised");
    assertThat(young.json().getJsonArray("messages").getString(0)).contains("16 jaar");

    Reply submit =
        send(
            "GET",
            "api/v1/processes/" + process + "/eligibility?action=SUBMIT",
            null,
            "young",
            "participant");
    assertThat(submit.json().getBoolean("eligible")).isTrue();

    Reply comment =
        send(
            "GET",
            "api/v1/processes/" + process + "/eligibility?action=COMMENT",
            null,
            "young",
            "participant");
    assertThat(comment.json().getBoolean("eligible")).as("no rule: nobody").isFalse();

    Reply bad =
        send(
            "GET",
            "api/v1/processes/" + process + "/eligibility?action=DANCE",
            null,
            "young",
            "participant");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("action");
  }

  @Test
  void aMalformedDefinitionIsRefusedNamingTheMember() {
    Reply reply =
        send(
            "PUT",
            "api/v1/processes/" + unique("bad"),
            "{\"title\": {\"en\": \"x\"}, \"zone\": \"Mars/Olympus\", \"template\": \"shared-budget\","
                + " \"territory\": {\"code\": \"X\", \"name\": {\"en\": \"X\"}},"
                + " \"rules\": {\"envelope\": {\"amount\": \"10\", \"currency\": \"EUR\"}}}",
            "ada",
            "administrator");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("zone");

    Reply unknownRule =
        send(
            "PUT",
            "api/v1/processes/" + unique("bad"),
            "{\"title\": {\"en\": \"x\"}, \"zone\": \"Europe/Brussels\", \"template\": \"shared-budget\", \"progression\": \"BY_STAFF\","
                + " \"territory\": {\"code\": \"X\", \"name\": {\"en\": \"X\"}},"
                + " \"rules\": {\"envelope\": {\"amount\": \"10\", \"currency\": \"EUR\"}},"
                + " \"eligibility\": {\"VOTE\": {\"livesOnTheMoon\": {}}}}",
            "ada",
            "administrator");
    assertThat(unknownRule.status()).as(unknownRule.body()).isEqualTo(400);
    assertThat(unknownRule.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .as(unknownRule.body())
        .isEqualTo("eligibility.VOTE");

    Reply undated =
        send(
            "PUT",
            "api/v1/processes/" + unique("bad"),
            "{\"title\": {\"en\": \"x\"}, \"zone\": \"Europe/Brussels\", \"template\": \"shared-budget\","
                + " \"territory\": {\"code\": \"X\", \"name\": {\"en\": \"X\"}},"
                + " \"rules\": {\"envelope\": {\"amount\": \"10\", \"currency\": \"EUR\"}}}",
            "ada",
            "administrator");
    assertThat(undated.status()).as("phases moved by dates need dates").isEqualTo(400);
    assertThat(undated.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("phases");

    Reply unknownMember =
        send(
            "PUT",
            "api/v1/processes/" + unique("bad"),
            "{\"colour\": \"red\"}",
            "ada",
            "administrator");
    assertThat(unknownMember.status()).isEqualTo(400);
    assertThat(unknownMember.body()).contains("colour");
  }

  /**
   * A process with a city-wide budget and two district budgets: the process admits residents of
   * Auderghem aged 16 or more, and each district budget adds its own postal code.
   */
  static String declareDistricts(String process, String city, String north, String south) {
    String definition =
        """
        {"title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["North", "South"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}]},
         "budgets": ["%1$s", "%2$s", "%3$s"],
         "eligibility": %4$s,
         "budgetEligibility": {"%2$s": {"VOTE": {"livesAtPostalCode": ["1161"]}},
                               "%3$s": {"VOTE": {"livesAtPostalCode": ["1162"]}}},
         "counting": {"budgets": {"%1$s": {"envelope": {"amount": "60000", "currency": "EUR"}},
                                  "%2$s": {"district": "North", "envelope": {"amount": "20000", "currency": "EUR"}},
                                  "%3$s": {"district": "South", "envelope": {"amount": "20000", "currency": "EUR"}}}}}
        """
            .formatted(city, north, south, VOTERS);
    Reply reply = send("PUT", "api/v1/processes/" + process, definition, "ada", "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return process;
  }

  @Test
  void aDistrictBudgetAdmitsOnlyItsDistrictsResidentsOnTopOfTheProcessRules() {
    String city = unique("city");
    String north = unique("north");
    String south = unique("south");
    String process = declareDistricts(unique("districts"), city, north, south);
    openVote(city);
    openVote(north);
    openVote(south);
    String adult = LocalDate.now().minusYears(30).toString();
    String child = LocalDate.now().minusYears(12).toString();
    String[] northResident = {
      "X-Polity-Dev-Birth-Date", adult, "X-Polity-Dev-Address", "municipality=21002; postal=1161"
    };

    Reply onSouth = cast(south, "nora", concat(northResident, "Accept-Language", "nl"));
    assertThat(onSouth.status()).as(onSouth.body()).isEqualTo(403);
    assertThat(onSouth.header("Content-Language")).isEqualTo("nl");
    assertThat(onSouth.json().getString("type")).endsWith("/not-eligible");
    assertThat(onSouth.json().getJsonArray("reasons").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("code"))
        .containsExactly("POSTAL_CODE_OUTSIDE");
    assertThat(onSouth.json().getString("detail")).contains("postcode").contains("1162");
    Reply onSouthFr = cast(south, "nora", concat(northResident, "Accept-Language", "fr"));
    assertThat(onSouthFr.status()).isEqualTo(403);
    assertThat(onSouthFr.json().getString("detail")).contains("code postal").contains("1162");
    // Once started, the definition (and each budget's combined policy) is kept in memory.
    toVote(process);
    Reply onSouthStarted = cast(south, "nora", northResident);
    assertThat(onSouthStarted.status()).as(onSouthStarted.body()).isEqualTo(403);

    Reply onNorth = cast(north, "nora", northResident);
    assertThat(onNorth.status()).as(onNorth.body()).isEqualTo(201);
    Reply onCity = cast(city, "nora", northResident);
    assertThat(onCity.status()).as(onCity.body()).isEqualTo(201);

    // The process's rule still applies on a district budget: both must admit.
    Reply young =
        cast(
            north,
            "young",
            "X-Polity-Dev-Birth-Date",
            child,
            "X-Polity-Dev-Address",
            "municipality=21002; postal=1161",
            "Accept-Language",
            "en");
    assertThat(young.status()).as(young.body()).isEqualTo(403);
    assertThat(young.json().getJsonArray("reasons").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("code"))
        .containsExactly("TOO_YOUNG");
    Reply outside =
        cast(
            north,
            "outsider",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "municipality=21005; postal=1161");
    assertThat(outside.status()).as(outside.body()).isEqualTo(403);
    assertThat(outside.json().getJsonArray("reasons").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("code"))
        .containsExactly("NOT_RESIDENT");

    // A missing postal code leaves the district undecided: unresolved, with a remedy, not refused.
    Reply noPostalCode =
        cast(
            north,
            "nopostal",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "municipality=21002",
            "Accept-Language",
            "fr");
    assertThat(noPostalCode.status()).as(noPostalCode.body()).isEqualTo(422);
    assertThat(noPostalCode.json().getString("type")).endsWith("/eligibility-unresolved");
    assertThat(noPostalCode.json().getJsonArray("reasons").getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("code"))
        .containsExactly("ADDRESS_INCOMPLETE");
    assertThat(noPostalCode.json().getJsonArray("remedies").getValuesAs(JsonString.class))
        .isNotEmpty();
    Reply noPostalCodeOnCity =
        cast(
            city,
            "nopostal",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "municipality=21002");
    assertThat(noPostalCodeOnCity.status())
        .as("the city-wide budget asks for no postal code")
        .isEqualTo(201);

    for (String budget : List.of(city, north, south)) {
      Reply turnout =
          send("GET", "api/v1/budgets/" + budget + "/turnout", null, "ada", "administrator");
      assertThat(turnout.json().getInt("total"))
          .as(budget)
          .isEqualTo(budget.equals(south) ? 0 : budget.equals(north) ? 1 : 2);
    }
  }

  @Test
  void theEligibilityEndpointAnswersForABudget() {
    String city = unique("city");
    String north = unique("north");
    String south = unique("south");
    String process = declareDistricts(unique("districts"), city, north, south);
    String[] northResident = {
      "X-Polity-Dev-Birth-Date",
      LocalDate.now().minusYears(30).toString(),
      "X-Polity-Dev-Address",
      "municipality=21002; postal=1161",
      "Accept-Language",
      "fr"
    };
    String base = "api/v1/processes/" + process + "/eligibility?action=VOTE";

    Reply processWide = send("GET", base, null, "nora", "participant", northResident);
    assertThat(processWide.status()).as(processWide.body()).isEqualTo(200);
    assertThat(processWide.json().getBoolean("eligible")).isTrue();

    Reply onSouth =
        send("GET", base + "&budget=" + south, null, "nora", "participant", northResident);
    assertThat(onSouth.status()).as(onSouth.body()).isEqualTo(200);
    assertThat(onSouth.json().getBoolean("eligible")).isFalse();
    assertThat(onSouth.json().getString("status")).isEqualTo("unauthorised");
    assertThat(onSouth.json().getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("POSTAL_CODE_OUTSIDE");
    assertThat(onSouth.json().getJsonArray("messages").getString(0))
        .contains("code postal")
        .contains("1162");

    Reply view = send("GET", "api/v1/processes/" + process, null, null, null);
    assertThat(view.json().getJsonObject("budgetEligibility").keySet())
        .containsExactlyInAnyOrder(north, south);
    assertThat(view.json().getJsonObject("budgetEligibility").getJsonArray(north).getString(0))
        .isEqualTo("VOTE");
    assertThat(view.json().getJsonArray("districtBudgetsWithoutOwnVoteRule")).isEmpty();

    Reply onNorth =
        send("GET", base + "&budget=" + north, null, "nora", "participant", northResident);
    assertThat(onNorth.json().getBoolean("eligible")).as(onNorth.body()).isTrue();
    Reply onCity =
        send("GET", base + "&budget=" + city, null, "nora", "participant", northResident);
    assertThat(onCity.json().getBoolean("eligible")).as(onCity.body()).isTrue();

    Reply unknownBudget =
        send("GET", base + "&budget=nowhere", null, "nora", "participant", northResident);
    assertThat(unknownBudget.status()).isEqualTo(400);
    assertThat(unknownBudget.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("budget");
    Reply badBudget =
        send("GET", base + "&budget=no%20spaces", null, "nora", "participant", northResident);
    assertThat(badBudget.status()).isEqualTo(400);
    assertThat(badBudget.body()).contains("budget");
  }

  @Test
  void aMalformedBudgetEligibilityIsRefusedNamingTheMember() {
    assertRefusedAt(
        "{\"elsewhere\": {\"VOTE\": {\"everyone\": {}}}}", VOTERS, "budgetEligibility.elsewhere");
    assertRefusedAt(
        "{\"north\": {\"SUBMIT\": {\"everyone\": {}}}}", VOTERS, "budgetEligibility.north.SUBMIT");
    assertRefusedAt(
        "{\"north\": {\"DANCE\": {\"everyone\": {}}}}", VOTERS, "budgetEligibility.north.DANCE");
    assertRefusedAt(
        "{\"north\": {\"VOTE\": {\"livesOnTheMoon\": {}}}}",
        VOTERS,
        "budgetEligibility.north.VOTE");
    assertRefusedAt(
        "{\"north\": {\"VOTE\": {\"livesAtPostalCode\": []}}}",
        VOTERS,
        "budgetEligibility.north.VOTE.livesAtPostalCode");
    assertRefusedAt("{\"north\": {}}", VOTERS, "budgetEligibility.north");
    assertRefusedAt("[\"north\"]", VOTERS, "budgetEligibility");
    assertRefusedAt(
        "{\"north\": {\"VOTE\": {\"everyone\": {}}}}",
        "{\"SUBMIT\": {\"everyone\": {}}}",
        "budgetEligibility.north.VOTE");
  }

  static final String BRUSSELS =
      java.nio.file.Path.of(
              System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson")
          .toString();

  @Test
  void aBudgetCanAdmitTheResidentsOfAnAreaByTheirAddressPoint() {
    // The real municipalities of the Brussels region: a region-wide budget and one for Auderghem
    // (NIS 21002), whose voters' address points must lie in its polygon.
    String region = unique("region");
    String auderghem = unique("auderghem");
    String areas = unique("areas");
    Reply declared =
        send(
            "PUT",
            "api/v1/processes/" + areas,
            """
        {"title": {"en": "Regional budget"}, "zone": "Europe/Brussels", "template": "shared-budget",
         "progression": "BY_STAFF", "territory": {"code": "BRU", "name": {"en": "Brussels"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}]},
         "budgets": ["%1$s", "%2$s"],
         "eligibility": {"VOTE": {"minimumAge": {"years": 16}}, "SUBMIT": {"everyone": {}}},
         "budgetEligibility": {"%2$s": {"VOTE": {"livesInArea": {"file": "%3$s", "idProperty": "nis",
                                                                 "ids": ["21002"]}}}},
         "counting": {"budgets": {"%1$s": {"envelope": {"amount": "60000", "currency": "EUR"}},
                                  "%2$s": {"envelope": {"amount": "40000", "currency": "EUR"}}}}}
        """
                .formatted(region, auderghem, BRUSSELS),
            "ada",
            "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    openVote(region);
    openVote(auderghem);
    toVote(areas);
    String adult = LocalDate.now().minusYears(30).toString();

    Reply etterbeek =
        cast(
            auderghem,
            "etienne",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "point=4.3889,50.8363",
            "Accept-Language",
            "nl");
    assertThat(etterbeek.status()).as(etterbeek.body()).isEqualTo(403);
    assertThat(etterbeek.json().getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("OUTSIDE_AREA");
    assertThat(etterbeek.json().getString("detail")).contains("Oudergem");
    Reply etterbeekOnRegion =
        cast(
            region,
            "etienne",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "point=4.3889,50.8363");
    assertThat(etterbeekOnRegion.status()).as(etterbeekOnRegion.body()).isEqualTo(201);

    Reply resident =
        cast(
            auderghem,
            "aude",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "point=4.4189,50.8165");
    assertThat(resident.status()).as(resident.body()).isEqualTo(201);

    Reply noPoint =
        cast(
            auderghem,
            "nopoint",
            "X-Polity-Dev-Birth-Date",
            adult,
            "X-Polity-Dev-Address",
            "postal=1160",
            "Accept-Language",
            "fr");
    assertThat(noPoint.status()).as(noPoint.body()).isEqualTo(422);
    assertThat(noPoint.json().getJsonArray("reasons").getJsonObject(0).getString("code"))
        .isEqualTo("ADDRESS_INCOMPLETE");
  }

  @Test
  void aMalformedAreaRuleIsRefusedNamingTheMember() {
    assertRefusedAt(
        "{\"north\": {\"VOTE\": {\"livesInArea\": {\"file\": \""
            + BRUSSELS
            + "\", \"idProperty\": \"nis\", \"ids\": [\"99999\"]}}}}",
        VOTERS,
        "budgetEligibility.north.VOTE.livesInArea.ids[0]");
    assertRefusedAt(
        "{\"north\": {\"VOTE\": {\"livesInArea\": {\"file\": \"/nonexistent/districts.geojson\"}}}}",
        VOTERS,
        "budgetEligibility.north.VOTE.livesInArea.file");
    assertRefusedAt(
        "{\"north\": {\"VOTE\": {\"livesInArea\": {\"file\": \""
            + BRUSSELS
            + "\", \"colour\": \"red\"}}}}",
        VOTERS,
        "budgetEligibility.north.VOTE.livesInArea.colour");
  }

  @Test
  void aDistrictBudgetWithoutItsOwnRuleIsDeclaredButNamedInTheView() {
    // No residence rule is derived from a district name: the process is accepted as before, and its
    // view names the district budgets that every voter of the process may vote on.
    String north = unique("north");
    String city = unique("city");
    Reply declared =
        send(
            "PUT",
            "api/v1/processes/" + unique("unmapped"),
            """
        {"title": {"en": "x"}, "zone": "Europe/Brussels", "template": "shared-budget", "progression": "BY_STAFF",
         "territory": {"code": "X", "name": {"en": "X"}, "districts": ["North"]},
         "rules": {"envelope": {"amount": "10", "currency": "EUR"}},
         "budgets": ["%1$s", "%2$s"], "eligibility": {"VOTE": {"everyone": {}}},
         "counting": {"budgets": {"%1$s": {"envelope": {"amount": "5", "currency": "EUR"}},
                                  "%2$s": {"district": "North", "envelope": {"amount": "5", "currency": "EUR"}}}}}
        """
                .formatted(city, north),
            "ada",
            "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    assertThat(
            declared
                .json()
                .getJsonArray("districtBudgetsWithoutOwnVoteRule")
                .getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly(north);
    assertThat(declared.json().getJsonObject("budgetEligibility")).isEmpty();
  }

  private static void assertRefusedAt(String budgetEligibility, String eligibility, String field) {
    String process = unique("bad-districts");
    Reply reply =
        send(
            "PUT",
            "api/v1/processes/" + process,
            """
        {"title": {"en": "x"}, "zone": "Europe/Brussels", "template": "shared-budget", "progression": "BY_STAFF",
         "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "10", "currency": "EUR"}},
         "budgets": ["city", "north"], "eligibility": %s, "budgetEligibility": %s}
        """
                .formatted(eligibility, budgetEligibility),
            "ada",
            "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .as(reply.body())
        .isEqualTo(field);
    Reply nothing = send("GET", "api/v1/processes/" + process, null, "ada", "administrator");
    assertThat(nothing.status()).as("a refused definition declares nothing").isEqualTo(404);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  static final String IDEA =
      """
      {"title": {"fr": "Un potager collectif"}, "description": {"fr": "Des bacs au parc."},
       "themes": ["%s"], "estimatedCost": {"amount": "%s", "currency": "EUR"},
       "location": "POINT (4.4189 50.8165)", "district": "%s",
       "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}]}
      """;

  static Reply submit(String process, String theme, String cost, String district) {
    return send(
        "POST",
        "api/v1/processes/" + process + "/projects",
        IDEA.formatted(theme, cost, district),
        "jeanne",
        "participant");
  }

  /**
   * Brings a process to its vote phase, with one project on the ballot: ballots are accepted only
   * in the vote phase, which opens only with a ballot (issue 12).
   */
  static void toVote(String process) {
    org.polity.jakarta.testing.BallotProcess.bringToVote(
        server.uri(),
        process,
        java.util.List.of(1_000L),
        java.util.Arrays.asList((String) null),
        java.util.Set.of());
  }

  static void openPhase(String process, String phase) {
    Reply reply =
        send(
            "POST",
            "api/v1/processes/" + process + "/phase-moves",
            "{\"phase\": \"" + phase + "\", \"why\": {\"en\": \"On schedule.\"}}",
            "ada",
            "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getJsonObject("currentPhase").getString("id")).isEqualTo(phase);
  }

  @Test
  void ideasAreSubmittedListedReviewedAndFollowedUp() {
    String process = declare(unique("pb"), unique("pb-budget"), VOTERS);
    Reply early = submit(process, "greenery", "12000", "North");
    assertThat(early.status()).as("no phase open yet").isEqualTo(409);
    assertThat(early.json().getString("type")).endsWith("process.no-phase-open");

    openPhase(process, "submission");
    Reply phases =
        send("GET", "api/v1/processes/" + process, null, null, null, "Accept-Language", "fr");
    assertThat(phases.json().getJsonArray("allowedActions").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .contains("SUBMIT");
    assertThat(phases.json().getJsonArray("phases")).hasSize(10);

    Reply garden = submit(process, "greenery", "12000", "North");
    assertThat(garden.status()).as(garden.body()).isEqualTo(201);
    assertThat(garden.header("ETag")).isEqualTo("\"1\"");
    String gardenId = garden.json().getString("id");
    Reply bikes = submit(process, "mobility", "30000", "Centre");
    String bikesId = bikes.json().getString("id");
    Reply paper =
        send(
            "POST",
            "api/v1/processes/" + process + "/paper-projects",
            IDEA.formatted("greenery", "5000", "Centre"),
            "marc",
            "encoder");
    assertThat(paper.status()).as(paper.body()).isEqualTo(201);
    assertThat(paper.json().getJsonObject("channel").getString("encodedBy")).isEqualTo("marc");
    String paperId = paper.json().getString("id");

    Reply badTheme = submit(process, "space-travel", "1", "North");
    assertThat(badTheme.status()).isEqualTo(400);
    assertThat(badTheme.body()).contains("space-travel");

    Reply greenery =
        send(
            "GET",
            "api/v1/processes/" + process + "/projects?theme=greenery&sort=-cost&limit=1",
            null,
            null,
            null);
    assertThat(greenery.json().getInt("total")).isEqualTo(2);
    assertThat(greenery.json().getJsonArray("projects")).hasSize(1);
    assertThat(greenery.json().getJsonArray("projects").getJsonObject(0).getString("id"))
        .isEqualTo(gardenId);
    assertThat(
            greenery
                .json()
                .getJsonArray("projects")
                .getJsonObject(0)
                .getJsonArray("authors")
                .getJsonObject(0)
                .containsKey("age"))
        .as("the public does not see ages")
        .isFalse();
    Reply centre =
        send(
            "GET",
            "api/v1/processes/" + process + "/projects?district=Centre&sort=title&offset=1",
            null,
            null,
            null);
    assertThat(centre.json().getInt("total")).isEqualTo(2);
    assertThat(centre.json().getJsonArray("projects")).hasSize(1);

    // Merge the paper idea into the garden, as a duplicate.
    Reply merged =
        send(
            "POST",
            "api/v1/processes/" + process + "/projects/" + paperId + "/merge",
            "{\"into\": \"" + gardenId + "\", \"why\": {\"en\": \"Same park.\"}}",
            "rita",
            "reviewer",
            "If-Match",
            "\"1\"");
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(merged.json().getString("status")).isEqualTo("MERGED");

    openPhase(process, "feasibility");
    String path = "api/v1/processes/" + process + "/projects/" + gardenId;
    Reply current = send("GET", path, null, null, null);
    String etag = current.header("ETag");
    Reply noIfMatch =
        send(
            "POST",
            path + "/status",
            "{\"to\": \"UNDER_REVIEW\", \"why\": {\"en\": \"x\"}}",
            "rita",
            "reviewer");
    assertThat(noIfMatch.status()).isEqualTo(428);
    Reply started =
        send(
            "POST",
            path + "/status",
            "{\"to\": \"UNDER_REVIEW\", \"why\": {\"en\": \"x\"}}",
            "rita",
            "reviewer",
            "If-Match",
            etag);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String afterStart = started.header("ETag");
    assertThat(afterStart).isNotEqualTo(etag);

    // Two reviewers read the same version; the second one's review is refused, not lost.
    String review =
        """
        {"checklist": {"ON_TERRITORY": true, "WITHIN_COMPETENCE": true, "WITHIN_MAXIMUM_COST": true,
                       "PUBLIC_INTEREST": true, "WITHIN_THEMES": true},
         "costEstimate": {"amount": "13500", "currency": "EUR"},
         "publicAnswer": {"en": "Feasible; a water supply is added.", "fr": "Faisable ; une arrivée d'eau est ajoutée."}}
        """;
    Reply first = send("PUT", path + "/review", review, "rita", "reviewer", "If-Match", afterStart);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().getString("status")).isEqualTo("FEASIBLE");
    Reply second = send("PUT", path + "/review", review, "sam", "reviewer", "If-Match", afterStart);
    assertThat(second.status()).as(second.body()).isEqualTo(412);
    assertThat(second.header("Content-Type")).startsWith("application/problem+json");

    Reply wrongMove =
        send(
            "POST",
            "api/v1/processes/" + process + "/projects/" + bikesId + "/status",
            "{\"to\": \"REALISED\", \"why\": {\"en\": \"x\"}}",
            "rita",
            "reviewer",
            "If-Match",
            "\"1\"",
            "Accept-Language",
            "fr");
    assertThat(wrongMove.status()).isEqualTo(409);
    assertThat(wrongMove.json().getString("type")).endsWith("project.move-not-allowed");
    assertThat(wrongMove.header("Content-Language")).isEqualTo("fr");

    Reply history = send("GET", path + "/history", null, null, null, "Accept-Language", "fr");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().getString("status")).isEqualTo("FEASIBLE");
    assertThat(history.json().getString("explanation")).contains("arrivée d'eau");
    assertThat(history.json().getJsonArray("history")).hasSize(3);

    Reply csv =
        send("GET", "api/v1/processes/" + process + "/projects.csv", null, "rita", "reviewer");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("id,title,status");
    assertThat(csv.body().lines().count()).isEqualTo(4);
  }

  @Test
  void aStartedProcessKeepsItsDefinition() {
    String budget = unique("fixed-budget");
    String process = declare(unique("fixed"), budget, VOTERS);
    openPhase(process, "submission");
    Reply again =
        send(
            "PUT",
            "api/v1/processes/" + process,
            "{\"title\": {\"en\": \"Other\"}, \"zone\": \"Europe/Brussels\", \"template\": \"consul-budget\", \"progression\": \"BY_STAFF\","
                + " \"territory\": {\"code\": \"X\", \"name\": {\"en\": \"X\"}},"
                + " \"rules\": {\"envelope\": {\"amount\": \"10\", \"currency\": \"EUR\"}}, \"budgets\": [\""
                + budget
                + "\"]}",
            "ada",
            "administrator");
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().getString("type")).endsWith("process-started");
    Reply list = send("GET", "api/v1/processes", null, null, null);
    assertThat(list.json().getJsonArray("processes").getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("id"))
        .contains(process);
  }
}
