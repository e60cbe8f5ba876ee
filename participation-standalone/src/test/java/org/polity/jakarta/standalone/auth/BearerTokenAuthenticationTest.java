package org.polity.jakarta.standalone.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.jakarta.testing.TestIdentityProvider;

/**
 * The standalone server in production mode with OpenID Connect bearer tokens: real RSA and EC keys
 * generated here, their JWKS served over HTTP by a real local server, real signed tokens, and the
 * real Polity server on a free port.
 */
class BearerTokenAuthenticationTest {

  static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  /** Production secrets (test values) and a role mapping with names unlike Polity's. */
  static Map<String, String> productionSettings(Path data) {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.participant-key.current", "v1");
    settings.put("polity.participant-key.secret.v1", SECRET);
    settings.put("polity.ballot-slot.secret", SECRET);
    settings.put("polity.roles.participant", "RESIDENT");
    settings.put("polity.roles.reviewer", "PB_REVIEW");
    settings.put("polity.roles.encoder", "PB_ENCODE");
    settings.put("polity.roles.moderator", "MODERATION");
    settings.put("polity.roles.administrator", "PORTAL_ADMIN");
    return settings;
  }

  @TempDir static Path data;
  static TestIdentityProvider idp;
  static PolityServer server;
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  static final List<LogRecord> LOGGED = new ArrayList<>();
  static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (LOGGED) {
            LOGGED.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  static final Logger FILTER_LOG = Logger.getLogger(BearerTokenFilter.class.getName());

  @BeforeAll
  static void start() {
    idp = TestIdentityProvider.overHttp();
    Map<String, String> settings = productionSettings(data);
    settings.putAll(idp.settings());
    settings.put("polity.auth.identity-level", "identity-provider");
    FILTER_LOG.addHandler(CAPTURE);
    FILTER_LOG.setLevel(Level.ALL);
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  @AfterAll
  static void stop() {
    FILTER_LOG.removeHandler(CAPTURE);
    if (server != null) {
      server.close();
    }
    idp.close();
  }

  record Reply(int status, HttpResponse<String> response) {
    JsonObject json() {
      try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }
  }

  static Reply get(String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(60));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Reply withToken(String path, String token) {
    return get(path, "Authorization", "Bearer " + token);
  }

  static List<String> rolesOf(Reply me) {
    return me.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  @Test
  void aValidRsaTokenSignsInWithItsRolesMappedToPolitys() {
    Reply me =
        withToken(
            "api/v1/me", idp.token("alice", List.of("RESIDENT", "PB_REVIEW", "offline_access")));
    assertThat(me.status()).as(me.response().body()).isEqualTo(200);
    assertThat(me.json().getBoolean("signedIn")).isTrue();
    assertThat(rolesOf(me))
        .containsExactlyInAnyOrder("anonymous", "participant", "reviewer", "staff");
  }

  @Test
  void aValidEcTokenSignsInToo() {
    String token =
        idp.sign("ec-1", TestIdentityProvider.claims("bob", List.of("PORTAL_ADMIN")).build());
    Reply me = withToken("api/v1/me", token);
    assertThat(me.status()).as(me.response().body()).isEqualTo(200);
    assertThat(rolesOf(me)).containsExactlyInAnyOrder("anonymous", "administrator");
  }

  @Test
  void theRolesDecideWhatATokenOpens() {
    Reply admin = withToken("api/v1/admin/settings", idp.token("bob", List.of("PORTAL_ADMIN")));
    assertThat(admin.status()).as(admin.response().body()).isEqualTo(200);

    Reply resident = withToken("api/v1/admin/settings", idp.token("alice", List.of("RESIDENT")));
    assertThat(resident.status()).isEqualTo(403);
    assertThat(resident.header("Content-Type")).startsWith("application/problem+json");

    // A portal role name that is not mapped grants nothing, even if it is Polity's own role name.
    Reply polityName =
        withToken("api/v1/admin/settings", idp.token("eve", List.of("administrator")));
    assertThat(polityName.status()).isEqualTo(403);
  }

  @Test
  void withoutATokenTheCallerIsAnonymous() {
    Reply me = get("api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getBoolean("signedIn")).isFalse();
    assertThat(rolesOf(me)).containsExactly("anonymous");

    assertThat(get("api/v1/processes").status()).isEqualTo(200);

    Reply admin = get("api/v1/admin/settings");
    assertThat(admin.status()).isEqualTo(401);
    assertThat(admin.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
    assertThat(admin.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void theDevelopmentHeadersAreIgnoredInProduction() {
    Reply me =
        get("api/v1/me", "X-Polity-Dev-User", "mallory", "X-Polity-Dev-Roles", "PORTAL_ADMIN");
    assertThat(me.json().getBoolean("signedIn")).isFalse();
  }

  /** Every way a token can be wrong, each made from a valid one. */
  static Stream<Arguments> badTokens() {
    Instant now = Instant.now();
    Function<JWTClaimsSet.Builder, String> rsa = claims -> idp.sign("rsa-1", claims.build());
    return Stream.of(
        Arguments.of(
            "expired",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                            .issueTime(Date.from(now.minusSeconds(3600)))
                            .expirationTime(Date.from(now.minusSeconds(600))))),
        Arguments.of(
            "not yet valid",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                            .notBeforeTime(Date.from(now.plusSeconds(600))))),
        Arguments.of(
            "wrong issuer",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                            .issuer("https://idp.test.example/realms/other"))),
        Arguments.of(
            "wrong audience",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                            .audience("another-app"))),
        Arguments.of(
            "no audience",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                            .audience((String) null))),
        Arguments.of(
            "no expiry",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                            .expirationTime(null))),
        Arguments.of(
            "no subject",
            (Function<TestIdentityProvider, String>)
                p ->
                    rsa.apply(
                        TestIdentityProvider.claims("alice", List.of("RESIDENT")).subject(null))),
        Arguments.of(
            "tampered payload",
            (Function<TestIdentityProvider, String>)
                p -> {
                  String[] parts = p.token("alice", List.of("RESIDENT")).split("\\.");
                  String forged =
                      TestIdentityProvider.claims("alice", List.of("PORTAL_ADMIN"))
                          .build()
                          .toPayload()
                          .toBase64URL()
                          .toString();
                  return parts[0] + "." + forged + "." + parts[2];
                }),
        Arguments.of(
            "tampered signature",
            (Function<TestIdentityProvider, String>)
                p -> {
                  String token = p.token("alice", List.of("RESIDENT"));
                  char last = token.charAt(token.length() - 10);
                  return token.substring(0, token.length() - 10)
                      + (last == 'A' ? 'B' : 'A')
                      + token.substring(token.length() - 9);
                }),
        Arguments.of(
            "alg none",
            (Function<TestIdentityProvider, String>)
                p ->
                    new PlainJWT(
                            TestIdentityProvider.claims("alice", List.of("PORTAL_ADMIN")).build())
                        .serialize()),
        Arguments.of(
            "HS256 keyed with the public key",
            (Function<TestIdentityProvider, String>)
                p -> {
                  try {
                    RSAKey publicKey = (RSAKey) p.publicKey("rsa-1");
                    byte[] secret =
                        publicKey.toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    SignedJWT jwt =
                        new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                            TestIdentityProvider.claims("alice", List.of("PORTAL_ADMIN")).build());
                    jwt.sign(new MACSigner(secret));
                    return jwt.serialize();
                  } catch (com.nimbusds.jose.JOSEException e) {
                    throw new IllegalStateException(e);
                  }
                }),
        Arguments.of(
            "unknown kid",
            (Function<TestIdentityProvider, String>)
                p -> {
                  p.addUnpublishedRsaKey("forger-1");
                  return p.sign(
                      "forger-1",
                      TestIdentityProvider.claims("alice", List.of("PORTAL_ADMIN")).build());
                }),
        Arguments.of(
            "a published kid, another key",
            (Function<TestIdentityProvider, String>)
                p -> {
                  p.addUnpublishedRsaKey("forger-2");
                  return p.sign(
                      "forger-2",
                      TestIdentityProvider.claims("alice", List.of("PORTAL_ADMIN")).build(),
                      header -> header.keyID("rsa-1"));
                }),
        Arguments.of(
            "an ID token type",
            (Function<TestIdentityProvider, String>)
                p ->
                    p.sign(
                        "rsa-1",
                        TestIdentityProvider.claims("alice", List.of("RESIDENT")).build(),
                        header -> header.type(new com.nimbusds.jose.JOSEObjectType("logout+jwt")))),
        Arguments.of("not a JWT", (Function<TestIdentityProvider, String>) p -> "not-a-token"),
        Arguments.of(
            "base64 garbage",
            (Function<TestIdentityProvider, String>)
                p ->
                    Base64.getUrlEncoder().encodeToString("{\"alg\":\"RS256\"}".getBytes())
                        + ".e30.c2ln"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void aBadTokenIsRefusedWithAProblemAndTheReasonIsLoggedWithoutTheToken(
      String why, Function<TestIdentityProvider, String> make) {
    String token = make.apply(idp);
    synchronized (LOGGED) {
      LOGGED.clear();
    }
    // Refused even on a public endpoint: a client sending a bad token must learn it.
    for (String path : List.of("api/v1/me", "api/v1/processes", "api/v1/admin/settings")) {
      Reply reply = withToken(path, token);
      assertThat(reply.status())
          .as("%s on %s: %s", why, path, reply.response().body())
          .isEqualTo(401);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
      assertThat(reply.header("WWW-Authenticate"))
          .startsWith("Bearer ")
          .contains("realm=\"polity\"")
          .contains("error=\"invalid_token\"");
      JsonObject problem = reply.json();
      assertThat(problem.getString("type")).isEqualTo("https://polity.org/problems/invalid-token");
      assertThat(problem.getInt("status")).isEqualTo(401);
      assertThat(problem.getString("detail")).contains("access token");
      assertThat(reply.response().body())
          .doesNotContain("Exception")
          .doesNotContain("at org.")
          .doesNotContain(token);
    }
    List<String> messages;
    synchronized (LOGGED) {
      messages = LOGGED.stream().map(LogRecord::getMessage).toList();
    }
    String signature = token.substring(token.lastIndexOf('.') + 1);
    assertThat(messages)
        .hasSize(3)
        .allSatisfy(
            m ->
                assertThat(m)
                    .startsWith("Refused the access token of GET /api/v1/")
                    .doesNotContain(token)
                    .doesNotContain(signature.isEmpty() ? token : signature));
  }

  @Test
  void theReasonForARefusalIsInTheLog() {
    String wrongAudience =
        idp.sign(
            "rsa-1",
            TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                .audience("another-app")
                .build());
    synchronized (LOGGED) {
      LOGGED.clear();
    }
    assertThat(withToken("api/v1/me", wrongAudience).status()).isEqualTo(401);
    synchronized (LOGGED) {
      assertThat(LOGGED)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.getMessage())
                      .contains("aud claim rejected")
                      .contains("aud=[another-app]")
                      .contains("kid=rsa-1"));
    }
  }

  @Test
  void anExpiredTokenIsToldAsSuchInTheReadersLanguage() {
    Instant now = Instant.now();
    String expired =
        idp.sign(
            "rsa-1",
            TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                .expirationTime(Date.from(now.minusSeconds(600)))
                .build());
    Reply french =
        get("api/v1/me", "Authorization", "Bearer " + expired, "Accept-Language", "fr-BE");
    assertThat(french.status()).isEqualTo(401);
    assertThat(french.header("WWW-Authenticate"))
        .contains("error_description=\"The access token expired\"");
    assertThat(french.header("Content-Language")).startsWith("fr");
    assertThat(french.json().getString("detail")).contains("a expiré");
    Reply dutch = get("api/v1/me", "Authorization", "Bearer " + expired, "Accept-Language", "nl");
    assertThat(dutch.json().getString("detail")).contains("verlopen");
  }

  @Test
  void aTokenWithinTheClockSkewIsAccepted() {
    // Expired 20 s ago: within the default 60 s skew.
    Instant now = Instant.now();
    String token =
        idp.sign(
            "rsa-1",
            TestIdentityProvider.claims("alice", List.of("RESIDENT"))
                .expirationTime(Date.from(now.minusSeconds(20)))
                .build());
    assertThat(withToken("api/v1/me", token).status()).isEqualTo(200);
  }

  @Test
  void anotherAuthorizationSchemeIsAnInvalidRequest() {
    Reply basic = get("api/v1/me", "Authorization", "Basic YWxpY2U6c2VjcmV0");
    assertThat(basic.status()).isEqualTo(401);
    assertThat(basic.header("WWW-Authenticate")).contains("error=\"invalid_request\"");
    assertThat(basic.json().getString("type"))
        .isEqualTo("https://polity.org/problems/invalid-request");
    Reply empty = get("api/v1/me", "Authorization", "Bearer ");
    assertThat(empty.status()).isEqualTo(401);
  }

  @Test
  void aKeyRotatedInAtTheProviderIsFetchedAndTrusted() {
    idp.addUnpublishedRsaKey("unused");
    assertThat(withToken("api/v1/me", idp.token("alice", List.of("RESIDENT"))).status())
        .isEqualTo(200);
    int before = idp.fetches();
    idp.addRsaKey("rsa-2");
    String token =
        idp.sign("rsa-2", TestIdentityProvider.claims("carol", List.of("RESIDENT")).build());
    Reply me = withToken("api/v1/me", token);
    assertThat(me.status()).as(me.response().body()).isEqualTo(200);
    assertThat(rolesOf(me)).contains("participant");
    assertThat(idp.fetches()).isGreaterThan(before);
    // The old key still works while it is published; a cached key needs no new fetch.
    int after = idp.fetches();
    assertThat(withToken("api/v1/me", idp.token("alice", List.of("RESIDENT"))).status())
        .isEqualTo(200);
    assertThat(idp.fetches()).isEqualTo(after);
  }

  @Test
  void aParticipantVotesWithATokenAndIsKeyedByTheSubject() {
    String admin = idp.token("ada", List.of("PORTAL_ADMIN"));
    String budget = "token-budget";
    String definition =
        """
        {"title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "maximumProjectCost": {"amount": "50000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}], "minimumAge": 10},
         "budgets": ["%s"],
         "eligibility": {"VOTE": {"identifiedAtLeast": "IDENTITY_PROVIDER"}, "SUBMIT": {"everyone": {}}}}
        """
            .formatted(budget);
    Reply declared = send("PUT", "api/v1/processes/token-process", definition, admin);
    assertThat(declared.status()).as(declared.response().body()).isEqualTo(201);
    Reply opened =
        send(
            "PUT",
            "api/v1/budgets/" + budget + "/vote",
            "{\"opensAt\":\""
                + Instant.now().minusSeconds(3600)
                + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86400)
                + "\",\"changesAllowed\":false}",
            admin);
    assertThat(opened.status()).as(opened.response().body()).isEqualTo(200);
    // Ballots are accepted in the vote phase only, on the projects of the ballot (issue 12).
    java.util.Map<String, String> portalRoles =
        java.util.Map.of(
            "participant", "RESIDENT", "reviewer", "PB_REVIEW", "administrator", "PORTAL_ADMIN");
    List<String> projects =
        org.polity.jakarta.testing.BallotProcess.bringToVote(
            server.uri(),
            "token-process",
            List.of(20_000L),
            java.util.Arrays.asList((String) null),
            java.util.Set.of(),
            (user, role) ->
                new String[] {
                  "Authorization", "Bearer " + idp.token(user, List.of(portalRoles.get(role)))
                });

    // polity.auth.identity-level=identity-provider: the token's identity satisfies the rule.
    String alice = idp.token("alice-sub-4711", List.of("RESIDENT"));
    String ballot = "{\"kind\":\"approval\",\"projects\":[\"" + projects.get(0) + "\"]}";
    Reply cast = send("POST", "api/v1/budgets/" + budget + "/ballots", ballot, alice);
    assertThat(cast.status()).as(cast.response().body()).isEqualTo(201);
    assertThat(cast.response().body()).doesNotContain("alice-sub-4711");

    // A new token for the same subject is the same participant; another subject is another one.
    String aliceAgain =
        idp.sign(
            "ec-1", TestIdentityProvider.claims("alice-sub-4711", List.of("RESIDENT")).build());
    assertThat(
            send("GET", "api/v1/budgets/" + budget + "/participation", null, aliceAgain)
                .json()
                .getString("status"))
        .isEqualTo("voted");
    assertThat(send("POST", "api/v1/budgets/" + budget + "/ballots", ballot, aliceAgain).status())
        .isEqualTo(409);
    String bob = idp.token("bob-sub-0815", List.of("RESIDENT"));
    assertThat(
            send("GET", "api/v1/budgets/" + budget + "/participation", null, bob)
                .json()
                .getString("status"))
        .isEqualTo("not-voted");
  }

  static Reply send(String method, String path, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
