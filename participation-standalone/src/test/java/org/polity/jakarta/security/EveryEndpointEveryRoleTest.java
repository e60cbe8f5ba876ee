package org.polity.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.Capabilities;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.StandaloneApplication;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.Endpoints;
import org.polity.jakarta.testing.Endpoints.Endpoint;
import org.polity.jakarta.testing.TestDatabase;

/**
 * Walks every endpoint of every capability the application collected (each declares its resources
 * in its {@link Capability} descriptor; the endpoints are found from their Jakarta REST
 * annotations), plus the standalone server's own ({@code /health}, {@code /openapi}), with every
 * role, through a role mapping that uses portal role names unlike Polity's, and checks each call is
 * allowed or refused as the endpoint's capability declares.
 *
 * <p>Each endpoint's {@code @RolesAllowed} must be the roles of one of the {@link Permission}s its
 * capability declares (or {@code @PermitAll}), and each declared permission must guard at least one
 * endpoint; the walk expects what the permissions say. So a new capability is covered as soon as it
 * is collected, and nobody can add an endpoint without declaring who may call it. The table below
 * records the decisions made for the endpoints that existed before capabilities declared
 * themselves: the declarations must reproduce it exactly.
 */
class EveryEndpointEveryRoleTest {

  /** Portal role names, deliberately unlike Polity's, mapped by configuration. */
  static final Map<String, String> PORTAL_ROLE =
      Map.of(
          "participant", "RESIDENT",
          "reviewer", "PB_REVIEW",
          "encoder", "PB_ENCODE",
          "moderator", "MODERATION",
          "administrator", "PORTAL_ADMIN");

  private static final List<String> ROLES =
      List.of("anonymous", "participant", "reviewer", "encoder", "moderator", "administrator");

  private static final Set<String> EVERYONE = Set.copyOf(ROLES);

  /** Who may call each endpoint. */
  private static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("POST api/v1/budgets/{budgetId}/ballots", Set.of("participant"));
    EXPECTED.put("GET api/v1/budgets/{budgetId}/participation", Set.of("participant"));
    EXPECTED.put("GET api/v1/budgets/{budgetId}/receipts/{code}", EVERYONE);
    EXPECTED.put("PUT api/v1/budgets/{budgetId}/vote", Set.of("administrator"));
    EXPECTED.put("GET api/v1/budgets/{budgetId}/vote", EVERYONE);
    EXPECTED.put("POST api/v1/budgets/{budgetId}/vote/seal", Set.of("administrator"));
    EXPECTED.put(
        "GET api/v1/budgets/{budgetId}/turnout",
        Set.of("reviewer", "encoder", "moderator", "administrator"));
    EXPECTED.put("GET api/v1/budgets/{budgetId}/counted-ballots", EVERYONE);
    // Public once the vote is finished; before, staff see a provisional count and others a 409.
    EXPECTED.put("GET api/v1/budgets/{budgetId}/results", EVERYONE);
    EXPECTED.put("GET api/v1/budgets/{budgetId}/ballots.pb", EVERYONE);
    EXPECTED.put("POST api/v1/budgets/{budgetId}/paper-ballots", Set.of("encoder"));
    EXPECTED.put(
        "POST api/v1/budgets/{budgetId}/paper-ballots/{pendingId}/confirmation", Set.of("encoder"));
    EXPECTED.put("DELETE api/v1/budgets/{budgetId}/paper-ballots/{pendingId}", Set.of("encoder"));
    EXPECTED.put("GET api/v1/processes", EVERYONE);
    EXPECTED.put("PUT api/v1/processes/{processId}", Set.of("administrator"));
    EXPECTED.put("GET api/v1/processes/{processId}", EVERYONE);
    EXPECTED.put("POST api/v1/processes/{processId}/phase-moves", Set.of("administrator"));
    EXPECTED.put("GET api/v1/processes/{processId}/eligibility", Set.of("participant"));
    EXPECTED.put("POST api/v1/processes/{processId}/projects", Set.of("participant"));
    EXPECTED.put("POST api/v1/processes/{processId}/paper-projects", Set.of("encoder"));
    EXPECTED.put("GET api/v1/processes/{processId}/projects", EVERYONE);
    EXPECTED.put("GET api/v1/processes/{processId}/projects/{projectId}", EVERYONE);
    EXPECTED.put("GET api/v1/processes/{processId}/projects/{projectId}/history", EVERYONE);
    EXPECTED.put(
        "POST api/v1/processes/{processId}/projects/{projectId}/status",
        Set.of("reviewer", "administrator"));
    EXPECTED.put(
        "PUT api/v1/processes/{processId}/projects/{projectId}/review", Set.of("reviewer"));
    EXPECTED.put(
        "POST api/v1/processes/{processId}/projects/{projectId}/merge",
        Set.of("reviewer", "administrator"));
    EXPECTED.put(
        "PUT api/v1/processes/{processId}/projects/{projectId}/progress",
        Set.of("reviewer", "administrator"));
    EXPECTED.put("POST api/v1/processes/{processId}/results", Set.of("administrator"));
    EXPECTED.put(
        "GET api/v1/processes/{processId}/projects.csv",
        Set.of("reviewer", "encoder", "moderator", "administrator"));
    EXPECTED.put("GET api/v1/me", EVERYONE);
    EXPECTED.put("GET api/v1/admin/settings", Set.of("administrator"));
    EXPECTED.put("GET health", EVERYONE);
    EXPECTED.put("GET openapi", EVERYONE);
    // issue 6: the map (OGC API – Features is public) and initiative moderation
    EXPECTED.put("GET ogc", EVERYONE);
    EXPECTED.put("GET ogc/conformance", EVERYONE);
    EXPECTED.put("GET ogc/collections", EVERYONE);
    EXPECTED.put("GET ogc/collections/{collectionId}", EVERYONE);
    EXPECTED.put("GET ogc/collections/{collectionId}/items", EVERYONE);
    EXPECTED.put("GET ogc/collections/{collectionId}/items/{featureId}", EVERYONE);
    EXPECTED.put("POST api/v1/initiatives", Set.of("participant"));
    EXPECTED.put("GET api/v1/initiatives/pending", Set.of("moderator"));
    EXPECTED.put("POST api/v1/initiatives/{id}/publication", Set.of("moderator"));
    EXPECTED.put("POST api/v1/initiatives/{id}/rejection", Set.of("moderator"));
    // issue 6, second part: the OpenAPI 3.0 description of /ogc, reading, editing, history, nearest
    EXPECTED.put("GET ogc/api", EVERYONE);
    EXPECTED.put("GET api/v1/initiatives/{id}", EVERYONE);
    EXPECTED.put("PUT api/v1/initiatives/{id}", Set.of("participant", "moderator"));
    EXPECTED.put("GET api/v1/initiatives/{id}/history", EVERYONE);
    EXPECTED.put("GET api/v1/initiatives/nearest", EVERYONE);
    // issue 6, HTML pages of /ogc: the static files of the map (Leaflet and its script)
    EXPECTED.put("GET ogc/assets/{name}", EVERYONE);
  }

  @TempDir static Path data;
  static PolityServer server;
  static Api api;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    PORTAL_ROLE.forEach((polity, portal) -> settings.put("polity.roles." + polity, portal));
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    api = new Api(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The Polity roles each walking role holds once signed in (staff is derived). */
  private static final Map<String, Set<String>> HOLDS =
      Map.of(
          "anonymous", Set.of("anonymous"),
          "participant", Set.of("anonymous", "participant"),
          "reviewer", Set.of("anonymous", "reviewer", "staff"),
          "encoder", Set.of("anonymous", "encoder", "staff"),
          "moderator", Set.of("anonymous", "moderator"),
          "administrator", Set.of("anonymous", "administrator"));

  /**
   * Every endpoint to walk: those of the collected capabilities, then the standalone server's own.
   *
   * @return the endpoints
   */
  static List<Endpoint> endpoints() {
    Set<Class<?>> classes = new LinkedHashSet<>(Capabilities.current().resources());
    classes.addAll(StandaloneApplication.documentedClasses());
    return Endpoints.of(classes);
  }

  /**
   * Who may call an endpoint, as its capability's permissions say (everyone for {@code PermitAll},
   * and for the standalone server's own endpoints, which are public).
   *
   * @param endpoint the endpoint
   * @return the walking roles allowed
   */
  static Set<String> allowed(Endpoint endpoint) {
    Set<String> declared =
        RolesAllowedFeature.declaredRoles(endpoint.resourceClass(), endpoint.method())
            .orElseThrow(
                () ->
                    new AssertionError(
                        endpoint.key() + " declares no @RolesAllowed or @PermitAll"));
    return ROLES.stream()
        .filter(role -> HOLDS.get(role).stream().anyMatch(declared::contains))
        .collect(Collectors.toSet());
  }

  @Test
  void everyEndpointBelongsToACapabilityAndDeclaresOneOfItsPermissions() {
    Capabilities capabilities = server.bean(Capabilities.class);
    assertThat(capabilities.all())
        .extracting(Capability::id)
        .contains(
            "administration",
            "cartography",
            "eligibility",
            "identity",
            "news",
            "process",
            "project",
            "results",
            "voting");
    Set<Class<?>> standalone = StandaloneApplication.documentedClasses();
    standalone.removeAll(capabilities.resources());
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> unused = new LinkedHashMap<>();
    for (Capability capability : capabilities.all()) {
      for (Permission permission : capability.permissions()) {
        unused.put(capability.id() + " " + permission.action(), permission.roleNames());
      }
    }
    for (Endpoint endpoint : endpoints()) {
      Optional<Set<String>> declared =
          RolesAllowedFeature.declaredRoles(endpoint.resourceClass(), endpoint.method());
      if (declared.isEmpty()) {
        problems.add(endpoint.key() + " declares no @RolesAllowed or @PermitAll");
        continue;
      }
      Optional<Capability> owner = capabilities.owner(endpoint.resourceClass());
      if (owner.isEmpty()) {
        if (!standalone.contains(endpoint.resourceClass())) {
          problems.add(endpoint.key() + " belongs to no capability");
        } else if (!declared.get().equals(Set.of("anonymous"))) {
          problems.add(endpoint.key() + " of the standalone server is not public");
        }
        continue;
      }
      if (declared.get().equals(Set.of("anonymous"))) {
        continue;
      }
      List<Permission> matching =
          owner.get().permissions().stream()
              .filter(p -> p.roleNames().equals(declared.get()))
              .toList();
      if (matching.isEmpty()) {
        problems.add(
            endpoint.key()
                + " allows "
                + declared.get()
                + ", which no permission of "
                + owner.get().id()
                + " declares");
      }
      matching.forEach(p -> unused.remove(owner.get().id() + " " + p.action()));
    }
    unused.keySet().forEach(p -> problems.add("The permission " + p + " guards no endpoint"));
    assertThat(problems).isEmpty();
  }

  @Test
  void theDeclarationsReproduceTheTableOfEveryEarlierEndpoint() {
    Map<String, Endpoint> byKey = new LinkedHashMap<>();
    endpoints().forEach(e -> byKey.put(e.key(), e));
    assertThat(byKey.keySet()).containsAll(EXPECTED.keySet());
    for (var row : EXPECTED.entrySet()) {
      assertThat(allowed(byKey.get(row.getKey()))).as(row.getKey()).isEqualTo(row.getValue());
    }
  }

  @Test
  void theNewsEndpointsAreWalkedWithoutBeingInTheTable() {
    assertThat(endpoints())
        .extracting(Endpoint::key)
        .contains(
            "GET api/v1/news",
            "POST api/v1/news",
            "PUT api/v1/news/{newsId}",
            "DELETE api/v1/events/{eventId}");
    Endpoint publish =
        endpoints().stream().filter(e -> e.key().equals("POST api/v1/news")).findFirst().get();
    assertThat(allowed(publish))
        .containsExactlyInAnyOrder("reviewer", "encoder", "moderator", "administrator");
  }

  @Test
  void everyRoleIsAllowedOrRefusedAsDeclared() {
    assertThat(walk(api)).isEmpty();
  }

  /**
   * Calls every endpoint as every role, signed in as the client does it.
   *
   * @param api the client (development headers, or bearer tokens)
   * @return the calls allowed or refused unlike the table, empty when all agree
   */
  static List<String> walk(Api api) {
    List<String> mismatches = new ArrayList<>();
    int calls = 0;
    List<Endpoint> endpoints = endpoints();
    for (Endpoint endpoint : endpoints) {
      Set<String> allowedRoles = allowed(endpoint);
      for (String role : ROLES) {
        String path =
            endpoint
                .path()
                .replace("{budgetId}", "walk-budget")
                .replace("{code}", "AAAA-BBBB-CCCC-DDDD-EEEE")
                .replace("{pendingId}", "pending-1")
                .replace("{processId}", "walk-process")
                .replace("{projectId}", "walk-process-001")
                .replace("{collectionId}", "initiatives")
                .replace("{featureId}", "ini-00000001")
                .replace("{id}", "ini-00000001")
                .replace("{name}", "leaflet.js")
                .replace("{newsId}", "news-000000000001")
                .replace("{eventId}", "event-000000000001");
        String body = body(endpoint);
        Api.Reply reply =
            role.equals("anonymous")
                ? api.send(endpoint.httpMethod(), path, body, null, null)
                : api.send(
                    endpoint.httpMethod(), path, body, "user-" + role, PORTAL_ROLE.get(role));
        calls++;
        boolean allowed = allowedRoles.contains(role);
        int status = reply.status();
        if (allowed && (status == 401 || status == 403)) {
          mismatches.add(endpoint.key() + " as " + role + ": refused (" + status + ") but allowed");
        } else if (!allowed && status != (role.equals("anonymous") ? 401 : 403)) {
          mismatches.add(
              endpoint.key() + " as " + role + ": got " + status + " but should be refused");
        } else if (allowed && status >= 500) {
          mismatches.add(
              endpoint.key() + " as " + role + ": failed with " + status + " " + reply.body());
        }
        if (status == 401 || status == 403) {
          assertThat(reply.contentType()).startsWith("application/problem+json");
        }
      }
    }
    assertThat(calls).isEqualTo(endpoints.size() * ROLES.size());
    return mismatches;
  }

  /** A valid body for the endpoints that take one, so that allowed calls get past validation. */
  private static String body(Endpoint endpoint) {
    String ballot = "{\"kind\":\"approval\",\"projects\":[\"p1\"]}";
    if (endpoint.path().endsWith("/vote") && endpoint.httpMethod().equals("PUT")) {
      return "{\"opensAt\":\"2020-01-01T00:00:00Z\",\"closesAt\":\"2099-01-01T00:00:00Z\"}";
    }
    if (endpoint.path().endsWith("/paper-ballots")) {
      return "{\"identifier\":\"resident-1\",\"ballot\":" + ballot + "}";
    }
    if (endpoint.httpMethod().equals("POST") && !endpoint.path().endsWith("/seal")) {
      return ballot;
    }
    return null;
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpoint() {
    Api.Reply reply = api.get("openapi?format=json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    jakarta.json.JsonObject document = reply.json();
    assertThat(document.getString("openapi")).startsWith("3.");
    assertThat(document.getJsonObject("info").getString("title")).isNotBlank();
    jakarta.json.JsonObject paths = document.getJsonObject("paths");
    for (Endpoint endpoint : endpoints()) {
      String path = "/" + endpoint.path();
      assertThat(paths).as("OpenAPI paths").containsKey(path);
      jakarta.json.JsonObject operation =
          paths.getJsonObject(path).getJsonObject(endpoint.httpMethod().toLowerCase());
      assertThat(operation).as("%s in OpenAPI", endpoint.key()).isNotNull();
      assertThat(operation.getString("summary")).as("%s summary", endpoint.key()).isNotBlank();
      assertThat(operation.getJsonObject("responses"))
          .as("%s responses", endpoint.key())
          .isNotEmpty();
    }
    Api.Reply yaml = api.get("openapi");
    assertThat(yaml.contentType()).startsWith("application/yaml");
    assertThat(yaml.body()).startsWith("---").contains("openapi: 3.");
  }

  @Test
  void polityRoleNamesAreNotPortalRoles() {
    // The portal role "administrator" is not mapped to anything here: only PORTAL_ADMIN is.
    Api.Reply reply = api.send("GET", "api/v1/admin/settings", null, "mallory", "administrator");
    assertThat(reply.status()).isEqualTo(403);
    Api.Reply me = api.send("GET", "api/v1/me", null, "rita", "PB_REVIEW");
    assertThat(me.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactlyInAnyOrder("anonymous", "reviewer", "staff");
  }
}
