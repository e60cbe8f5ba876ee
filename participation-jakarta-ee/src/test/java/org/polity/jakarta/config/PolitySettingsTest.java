package org.polity.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.security.PolityRole;

class PolitySettingsTest {

  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put("polity.participant-key.current", "v1");
    values.put("polity.participant-key.secret.v1", SECRET);
    values.put("polity.ballot-slot.secret", SECRET);
    values.put("polity.database.url", "jdbc:h2:mem:x");
    return values;
  }

  @Test
  void defaultsApplyWhereSafe() {
    PolitySettings settings = PolitySettings.from(config(minimal()));
    assertThat(settings.mode()).isEqualTo(Mode.PRODUCTION);
    assertThat(settings.participantKeyer().currentVersion()).isEqualTo("v1");
    assertThat(settings.database().poolSize()).isEqualTo(10);
    assertThat(settings.database().migrate()).isTrue();
    assertThat(settings.roleMapping().get(PolityRole.PARTICIPANT)).containsExactly("*");
    assertThat(settings.roleMapping().get(PolityRole.ADMINISTRATOR))
        .containsExactly("administrator");
    assertThat(settings.toString()).doesNotContain(SECRET);
  }

  @Test
  void theSecretsAreRequiredInProduction() {
    Map<String, String> values = minimal();
    values.remove("polity.participant-key.current");
    values.remove("polity.participant-key.secret.v1");
    values.remove("polity.ballot-slot.secret");
    assertThatThrownBy(() -> PolitySettings.from(config(values)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("polity.participant-key.current is not set"))
                    .anyMatch(p -> p.contains("polity.ballot-slot.secret is not set")))
        .hasMessageContaining("polity.mode=development");
  }

  @Test
  void developmentModeMayOmitTheSecrets() {
    Map<String, String> values = new HashMap<>();
    values.put("polity.database.url", "jdbc:h2:mem:x");
    values.put("polity.mode", "development");
    PolitySettings settings = PolitySettings.from(config(values));
    assertThat(settings.mode()).isEqualTo(Mode.DEVELOPMENT);
    assertThat(settings.participantKeyer().currentVersion()).isEqualTo("dev");
    assertThat(settings.ballotSlotSecret()).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> values = new HashMap<>();
    values.put("polity.mode", "staging");
    values.put("polity.participant-key.current", "v1");
    values.put("polity.participant-key.secret.v1", "c2hvcnQ=");
    values.put("polity.ballot-slot.secret", "not base64!");
    values.put("polity.participant-key.scheme", "passport");
    values.put("polity.database.pool-size", "0");
    values.put("polity.database.migrate", "maybe");
    assertThatThrownBy(() -> PolitySettings.from(config(values)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .anyMatch(p -> p.contains("polity.mode is 'staging'"))
                    .anyMatch(p -> p.contains("polity.ballot-slot.secret is not base64"))
                    .anyMatch(p -> p.contains("polity.database.pool-size is 0"))
                    .anyMatch(p -> p.contains("polity.database.migrate is 'maybe'")));
  }

  @Test
  void secretsAreFoundInEnvironmentVariableForm() {
    // MicroProfile Config maps POLITY_PARTICIPANT_KEY_SECRET_V1 to
    // polity.participant-key.secret.v1.
    Map<String, String> values = new HashMap<>();
    values.put("polity.database.url", "jdbc:h2:mem:x");
    values.put("POLITY_PARTICIPANT_KEY_CURRENT", "v1");
    values.put("POLITY_PARTICIPANT_KEY_SECRET_V1", SECRET);
    values.put("POLITY_BALLOT_SLOT_SECRET", SECRET);
    Config config =
        new SmallRyeConfigBuilder()
            .withSources(new io.smallrye.config.EnvConfigSource(values, 300))
            .build();
    assertThat(PolitySettings.from(config).participantKeyer().currentVersion()).isEqualTo("v1");
  }

  @Test
  void aDatabaseMustBeNamed() {
    Map<String, String> values = minimal();
    values.remove("polity.database.url");
    assertThatThrownBy(() -> PolitySettings.from(config(values)))
        .hasMessageContaining("polity.datasource.jndi-name")
        .hasMessageContaining("polity.database.url");
  }

  @Test
  void rolesAreMappedFromCommaSeparatedPortalRoles() {
    Map<String, String> values = minimal();
    values.put("polity.roles.reviewer", " PB_REVIEW , FINANCE ");
    PolitySettings settings = PolitySettings.from(config(values));
    assertThat(settings.roleMapping().get(PolityRole.REVIEWER))
        .isEqualTo(Set.of("PB_REVIEW", "FINANCE"));
  }
}
