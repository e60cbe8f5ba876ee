package org.polity.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polity.eligibility.VerificationLevel;

/**
 * The {@code polity.auth.*} settings: defaults, checks, and what the standalone server requires.
 */
class AuthenticationSettingsTest {

  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @TempDir Path directory;

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  private static Map<String, String> production() {
    Map<String, String> values = new HashMap<>();
    values.put("polity.participant-key.current", "v1");
    values.put("polity.participant-key.secret.v1", SECRET);
    values.put("polity.ballot-slot.secret", SECRET);
    values.put("polity.database.url", "jdbc:h2:mem:x");
    return values;
  }

  private static Map<String, String> tokens() {
    Map<String, String> values = production();
    values.put("polity.auth.issuer", "https://login.example.be/realms/polity");
    values.put("polity.auth.audience", "polity-api, polity-portal");
    values.put(
        "polity.auth.jwks", "https://login.example.be/realms/polity/protocol/openid-connect/certs");
    return values;
  }

  @Test
  void embeddedThePortalAuthenticatesSoNothingIsRequired() {
    PolitySettings settings = PolitySettings.from(config(production()));
    assertThat(settings.authentication()).isEqualTo(new Authentication.Host());
  }

  @Test
  void standaloneInProductionRequiresAuthenticationButNotInDevelopment() {
    assertThatThrownBy(() -> PolitySettings.forStandalone(config(production())))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("No authentication is configured")
                    .contains(
                        "polity.auth.issuer",
                        "polity.auth.audience",
                        "polity.auth.jwks",
                        "polity.auth.anonymous-only=true"));
    Map<String, String> development = new HashMap<>();
    development.put("polity.mode", "development");
    development.put("polity.database.url", "jdbc:h2:mem:x");
    assertThat(PolitySettings.forStandalone(config(development)).authentication())
        .isEqualTo(new Authentication.Host());
    Map<String, String> anonymous = production();
    anonymous.put("polity.auth.anonymous-only", "true");
    assertThat(PolitySettings.forStandalone(config(anonymous)).authentication())
        .isEqualTo(new Authentication.AnonymousOnly());
  }

  @Test
  void tokenSettingsHaveSafeDefaults() {
    PolitySettings settings = PolitySettings.forStandalone(config(tokens()));
    assertThat(settings.authentication())
        .isInstanceOfSatisfying(
            Authentication.BearerTokens.class,
            t -> {
              assertThat(t.issuer()).isEqualTo("https://login.example.be/realms/polity");
              assertThat(t.audiences()).containsExactlyInAnyOrder("polity-api", "polity-portal");
              assertThat(t.jwks().getScheme()).isEqualTo("https");
              assertThat(t.algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
              assertThat(t.clockSkew()).isEqualTo(Duration.ofSeconds(60));
              assertThat(t.rolesClaim()).isEqualTo("groups");
              assertThat(t.userClaim()).isEqualTo("sub");
              assertThat(t.identityLevel()).isEqualTo(VerificationLevel.SELF_DECLARED);
              assertThat(t.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
              assertThat(t.jwksRefreshMinInterval()).isEqualTo(Duration.ofSeconds(30));
            });
  }

  @Test
  void tokenSettingsAreFoundInEnvironmentVariableForm() {
    Map<String, String> env = new HashMap<>();
    env.put("POLITY_PARTICIPANT_KEY_CURRENT", "v1");
    env.put("POLITY_PARTICIPANT_KEY_SECRET_V1", SECRET);
    env.put("POLITY_BALLOT_SLOT_SECRET", SECRET);
    env.put("POLITY_DATABASE_URL", "jdbc:h2:mem:x");
    env.put("POLITY_AUTH_ISSUER", "https://login.example.be/realms/polity");
    env.put("POLITY_AUTH_AUDIENCE", "polity-api");
    env.put("POLITY_AUTH_JWKS", "https://login.example.be/certs");
    env.put("POLITY_AUTH_ROLES_CLAIM", "realm_access.roles");
    env.put("POLITY_AUTH_CLOCK_SKEW", "30");
    env.put("POLITY_AUTH_IDENTITY_LEVEL", "identity-provider");
    Config config = new SmallRyeConfigBuilder().withSources(new EnvConfigSource(env, 300)).build();
    Authentication.BearerTokens tokens =
        (Authentication.BearerTokens) PolitySettings.forStandalone(config).authentication();
    assertThat(tokens.rolesClaim()).isEqualTo("realm_access.roles");
    assertThat(tokens.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(tokens.identityLevel()).isEqualTo(VerificationLevel.IDENTITY_PROVIDER);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "polity.auth.jwks|http://login.example.be/certs|an https URL",
        "polity.auth.jwks|http://127.evil.example/certs|an https URL",
        "polity.auth.jwks|ftp://login.example.be/certs|an https URL",
        "polity.auth.jwks|/no/such/jwks.json|does not exist",
        "polity.auth.algorithms|RS256,HS256|HMAC needs a secret",
        "polity.auth.algorithms|none|an unsigned token proves nothing",
        "polity.auth.algorithms|EdDSA|choose among",
        "polity.auth.clock-skew|PT10M|give 0 to PT5M",
        "polity.auth.clock-skew|soon|give a duration",
        "polity.auth.jwks-refresh-min-interval|PT10M|shorter than the cache time",
        "polity.auth.roles-claim|realm_access..roles|dotted path",
        "polity.auth.identity-level|eid|use self-declared",
        "polity.auth.anonymous-only|true|remove one or the other",
        "polity.auth.anonymous-only|yes|use true or false"
      })
  void aWrongValueIsNamedWithItsFix(String key, String value, String fix) {
    Map<String, String> values = tokens();
    values.put(key, value);
    assertThatThrownBy(() -> PolitySettings.forStandalone(config(values)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains(key) && p.contains(fix))
                    .noneMatch(p -> p.startsWith("No authentication is configured")));
  }

  @Test
  void aMissingKeyIsNamedAmongTheOtherProblems() {
    Map<String, String> values = tokens();
    values.remove("polity.auth.audience");
    values.remove("polity.ballot-slot.secret");
    assertThatThrownBy(() -> PolitySettings.from(config(values)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.startsWith("polity.auth.audience is not set"))
                    .anyMatch(p -> p.startsWith("polity.ballot-slot.secret is not set")));
  }

  @Test
  void aLoopbackHttpUrlOrALocalFileIsAccepted() throws Exception {
    Map<String, String> values = tokens();
    values.put(
        "polity.auth.jwks", "http://127.0.0.1:8180/realms/polity/protocol/openid-connect/certs");
    assertThat(
            ((Authentication.BearerTokens)
                    PolitySettings.forStandalone(config(values)).authentication())
                .jwks()
                .getPort())
        .isEqualTo(8180);

    Path file = Files.writeString(directory.resolve("jwks.json"), "{\"keys\": []}");
    values.put("polity.auth.jwks", file.toString());
    assertThat(
            ((Authentication.BearerTokens)
                    PolitySettings.forStandalone(config(values)).authentication())
                .jwks())
        .isEqualTo(file.toUri());
    values.put("polity.auth.jwks", file.toUri().toString());
    assertThat(
            ((Authentication.BearerTokens)
                    PolitySettings.forStandalone(config(values)).authentication())
                .jwks())
        .isEqualTo(file.toUri());
  }

  @Test
  void theRecordRefusesWhatTheSettingsRefuse() {
    assertThatThrownBy(
            () ->
                new Authentication.BearerTokens(
                    "https://idp",
                    Set.of(),
                    java.net.URI.create("https://idp/certs"),
                    Set.of("RS256"),
                    Duration.ZERO,
                    "groups",
                    "sub",
                    VerificationLevel.SELF_DECLARED,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30)))
        .hasMessageContaining("polity.auth.audience");
    assertThatThrownBy(
            () ->
                new Authentication.BearerTokens(
                    "https://idp",
                    Set.of("api"),
                    java.net.URI.create("https://idp/certs"),
                    Set.of("HS256"),
                    Duration.ZERO,
                    "groups",
                    "sub",
                    VerificationLevel.SELF_DECLARED,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30)))
        .hasMessageContaining("polity.auth.algorithms");
  }
}
