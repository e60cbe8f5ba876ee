package org.polity.jakarta.standalone.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.TestIdentityProvider;

/**
 * How the standalone server starts, or refuses to, with each kind of {@code polity.auth.*}
 * settings: none in production, incomplete, a broken JWKS file, a JWKS file (air-gapped, with key
 * rotation by replacing the file), the explicit anonymous-only choice, and the portal's accounts.
 */
class StandaloneAuthenticationSettingsTest {

  @TempDir Path data;

  private static PolityServer start(Map<String, String> settings) {
    return PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  @Test
  void productionWithoutAuthenticationRefusesToStartAndNamesTheKeys() {
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.remove("polity.ballot-slot.secret");
    assertThatThrownBy(() -> start(settings))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("polity.ballot-slot.secret is not set"))
                    .anyMatch(
                        p ->
                            p.startsWith("No authentication is configured")
                                && p.contains("polity.auth.issuer")
                                && p.contains("polity.auth.audience")
                                && p.contains("polity.auth.jwks")
                                && p.contains("polity.auth.anonymous-only=true")
                                && p.contains("polity.mode=development")));
  }

  @Test
  void incompleteTokenSettingsNameWhatIsMissing() {
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.put("polity.auth.issuer", TestIdentityProvider.ISSUER);
    settings.put("polity.auth.algorithms", "RS256,HS256,none");
    assertThatThrownBy(() -> start(settings))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("polity.auth.audience is not set"))
                    .anyMatch(p -> p.startsWith("polity.auth.jwks is not set"))
                    .anyMatch(p -> p.startsWith("polity.auth.algorithms contains HS256"))
                    .anyMatch(p -> p.startsWith("polity.auth.algorithms contains none"))
                    .noneMatch(p -> p.startsWith("No authentication is configured")));
  }

  @Test
  void aJwksFileThatIsNotAKeySetStopsTheStart() throws Exception {
    Path file = data.resolve("broken-jwks.json");
    Files.writeString(file, "{\"issuer\": \"this is a discovery document, not a key set\"}");
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.put("polity.auth.issuer", TestIdentityProvider.ISSUER);
    settings.put("polity.auth.audience", TestIdentityProvider.AUDIENCE);
    settings.put("polity.auth.jwks", file.toString());
    assertThatThrownBy(() -> start(settings))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith(
                        "polity.auth.jwks names a file that is not a JSON" + " Web Key Set"));
  }

  @Test
  void aJwksFileServesAirGappedSetupsAndReplacingItRotatesTheKeys() throws Exception {
    Path file = data.resolve("jwks.json");
    TestIdentityProvider idp = TestIdentityProvider.inFile(file);
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.putAll(idp.settings());
    try (PolityServer server = start(settings)) {
      Api api =
          new Api(
              server.uri(),
              (user, roles) ->
                  Map.of("Authorization", "Bearer " + idp.token(user, List.of(roles.split(",")))));
      Api.Reply me = api.send("GET", "api/v1/me", null, "alice", "RESIDENT");
      assertThat(me.status()).as(me.body()).isEqualTo(200);
      assertThat(me.json().getBoolean("signedIn")).isTrue();

      idp.addRsaKey("rsa-2");
      String rotated =
          idp.sign("rsa-2", TestIdentityProvider.claims("bob", List.of("RESIDENT")).build());
      Api rotatedApi =
          new Api(server.uri(), (user, roles) -> Map.of("Authorization", "Bearer " + rotated));
      Api.Reply bob = rotatedApi.send("GET", "api/v1/me", null, "bob", "RESIDENT");
      assertThat(bob.status()).as(bob.body()).isEqualTo(200);
      assertThat(bob.json().getBoolean("signedIn")).isTrue();

      // By default a token's identity counts as self-declared: a rule asking for an identity
      // verified by an identity provider cannot admit it (422, with the reason and a remedy).
      Api.Reply declared =
          api.send(
              "PUT",
              "api/v1/processes/file-process",
              """
          {"title": {"en": "Shared Budget"}, "zone": "Europe/Brussels", "progression": "BY_STAFF",
           "template": "shared-budget", "territory": {"code": "AUD", "name": {"fr": "Auderghem"},
           "districts": ["Centre"]},
           "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                     "maximumProjectCost": {"amount": "50000", "currency": "EUR"},
                     "themes": [{"id": "greenery", "name": {"en": "Greenery"}}], "minimumAge": 10},
           "budgets": ["file-budget"],
           "eligibility": {"VOTE": {"identifiedAtLeast": "IDENTITY_PROVIDER"}, "SUBMIT": {"everyone": {}}}}
          """,
              "ada",
              "PORTAL_ADMIN");
      assertThat(declared.status()).as(declared.body()).isEqualTo(201);
      Api.Reply opened =
          api.send(
              "PUT",
              "api/v1/budgets/file-budget/vote",
              "{\"opensAt\":\""
                  + Instant.now().minusSeconds(3600)
                  + "\",\"closesAt\":\""
                  + Instant.now().plusSeconds(86400)
                  + "\"}",
              "ada",
              "PORTAL_ADMIN");
      assertThat(opened.status()).as(opened.body()).isEqualTo(200);
      Api.Reply cast =
          api.send(
              "POST",
              "api/v1/budgets/file-budget/ballots",
              "{\"kind\":\"approval\",\"projects\":[\"p1\"]}",
              "alice",
              "RESIDENT");
      assertThat(cast.status()).as(cast.body()).isEqualTo(422);
      assertThat(cast.json().getJsonArray("reasons").getJsonObject(0).getString("code"))
          .isEqualTo("IDENTITY_NOT_VERIFIED");
    }
  }

  @Test
  void portalAccountsLetProductionStartAndCannotBeCombinedWithAnotherAnswer() {
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.put("polity.auth.accounts", "true");
    try (PolityServer server = start(settings)) {
      Api api = new Api(server.uri(), (user, roles) -> Map.of("X-Polity-Dev-User", user));
      // the accounts sign in on the portal's pages only: the API stays anonymous without a token
      Api.Reply me = api.send("GET", "api/v1/me", null, "ada", "");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().getBoolean("signedIn")).isFalse();
    }
    settings.put("polity.auth.anonymous-only", "true");
    assertThatThrownBy(() -> start(settings))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(
                        p ->
                            p.startsWith("polity.auth.accounts=true")
                                && p.contains("polity.auth.anonymous-only=true"))
                    .noneMatch(p -> p.startsWith("No authentication is configured")));
    settings.remove("polity.auth.anonymous-only");
    settings.put("polity.auth.issuer", TestIdentityProvider.ISSUER);
    assertThatThrownBy(() -> start(settings))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(
                        p ->
                            p.startsWith("polity.auth.accounts=true")
                                && p.contains("polity.auth.issuer")));
  }

  @Test
  void anonymousOnlyIsAnExplicitChoiceWhereNobodySignsIn() {
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.put("polity.auth.anonymous-only", "true");
    try (PolityServer server = start(settings)) {
      Api api =
          new Api(
              server.uri(),
              (user, roles) ->
                  Map.of(
                      "Authorization",
                      "Bearer whatever.is.sent",
                      "X-Polity-Dev-User",
                      user,
                      "X-Polity-Dev-Roles",
                      roles));
      Api.Reply me = api.send("GET", "api/v1/me", null, "ada", "PORTAL_ADMIN");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().getBoolean("signedIn")).isFalse();
      assertThat(api.get("api/v1/processes").status()).isEqualTo(200);
      assertThat(api.send("GET", "api/v1/admin/settings", null, "ada", "PORTAL_ADMIN").status())
          .isEqualTo(401);
    }
  }

  @Test
  void forgedKeyIdsCannotFloodTheIdentityProvider() {
    try (TestIdentityProvider idp = TestIdentityProvider.overHttp()) {
      Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
      settings.putAll(idp.settings());
      settings.remove("polity.auth.jwks-refresh-min-interval"); // the default, 30 s
      try (PolityServer server = start(settings)) {
        int atStart = idp.fetches();
        assertThat(atStart).as("the keys are fetched at start-up").isEqualTo(1);
        for (int i = 0; i < 10; i++) {
          idp.addUnpublishedRsaKey("forged-" + i);
          String forged =
              idp.sign(
                  "forged-" + i,
                  TestIdentityProvider.claims("mallory", List.of("PORTAL_ADMIN")).build());
          Api api =
              new Api(server.uri(), (user, roles) -> Map.of("Authorization", "Bearer " + forged));
          Api.Reply reply = api.send("GET", "api/v1/me", null, "mallory", "PORTAL_ADMIN");
          assertThat(reply.status()).isEqualTo(401);
          assertThat(reply.body()).contains("invalid-token");
        }
        // One window of the rate limiter allows one more fetch than the one that opened it.
        assertThat(idp.fetches()).isLessThanOrEqualTo(atStart + 2);
      }
    }
  }

  @Test
  void unreachableKeysAnswer503AndPublicReadsStillWork() throws Exception {
    TestIdentityProvider idp = TestIdentityProvider.overHttp();
    String jwks = idp.jwksLocation();
    idp.close(); // the provider is down before Polity ever fetched its keys
    Map<String, String> settings = BearerTokenAuthenticationTest.productionSettings(data);
    settings.putAll(idp.settings());
    settings.put("polity.auth.jwks", jwks);
    try (PolityServer server = start(settings)) {
      Api api =
          new Api(
              server.uri(),
              (user, roles) ->
                  Map.of("Authorization", "Bearer " + idp.token(user, List.of(roles))));
      Api.Reply reply = api.send("GET", "api/v1/me", null, "alice", "RESIDENT");
      assertThat(reply.status()).as(reply.body()).isEqualTo(503);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().getString("type")).endsWith("/sign-in-unavailable");
      assertThat(api.get("api/v1/processes").status()).isEqualTo(200);
    }
  }
}
