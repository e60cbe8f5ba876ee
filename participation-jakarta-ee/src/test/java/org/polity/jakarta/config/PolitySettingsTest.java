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

  private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put("polity.participant-key.secret", SECRET);
    values.put("polity.database.url", "jdbc:h2:mem:x");
    return values;
  }

  @Test
  void defaultsApplyWhereSafe() {
    PolitySettings settings = PolitySettings.from(config(minimal()));
    assertThat(settings.mode()).isEqualTo(Mode.PRODUCTION);
    assertThat(settings.allowBallotChange()).isTrue();
    assertThat(settings.database().poolSize()).isEqualTo(10);
    assertThat(settings.database().migrate()).isTrue();
    assertThat(settings.roleMapping().get(PolityRole.PARTICIPANT)).containsExactly("*");
    assertThat(settings.roleMapping().get(PolityRole.ADMINISTRATOR)).containsExactly("administrator");
    assertThat(settings.toString()).doesNotContain(SECRET);
  }

  @Test
  void theSecretIsRequiredInProduction() {
    Map<String, String> values = minimal();
    values.remove("polity.participant-key.secret");
    assertThatThrownBy(() -> PolitySettings.from(config(values)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("polity.participant-key.secret is not set")
        .hasMessageContaining("polity.mode=development");
  }

  @Test
  void developmentModeMayOmitTheSecret() {
    Map<String, String> values = minimal();
    values.remove("polity.participant-key.secret");
    values.put("polity.mode", "development");
    PolitySettings settings = PolitySettings.from(config(values));
    assertThat(settings.mode()).isEqualTo(Mode.DEVELOPMENT);
    assertThat(settings.participantKeySecret()).isNotEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> values = new HashMap<>();
    values.put("polity.mode", "staging");
    values.put("polity.participant-key.secret", "short");
    values.put("polity.database.pool-size", "0");
    values.put("polity.voting.allow-change", "maybe");
    assertThatThrownBy(() -> PolitySettings.from(config(values)))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
            .anyMatch(p -> p.contains("polity.mode is 'staging'"))
            .anyMatch(p -> p.contains("has 5 characters"))
            .anyMatch(p -> p.contains("polity.database.pool-size is 0"))
            .anyMatch(p -> p.contains("polity.voting.allow-change is 'maybe'")));
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
