package org.polity.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.identity.CurrentUserResource;
import org.polity.jakarta.identity.IdentityCapability;
import org.polity.jakarta.process.ProcessCapability;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Setting;
import org.polity.jakarta.voting.VotingCapability;

/** Collecting capabilities: ids, resources and settings keys are unique; settings are checked. */
class CapabilitiesTest {

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  /** A capability made up for a test. */
  private record Made(String id, Set<Class<?>> resources, List<Setting> settings)
      implements Capability {}

  @Test
  void theCapabilitiesAreSortedByIdAndTheirPartsGathered() {
    Capabilities capabilities =
        Capabilities.of(
            List.of(new VotingCapability(), new ProcessCapability(), new IdentityCapability()));
    assertThat(capabilities.all())
        .extracting(Capability::id)
        .containsExactly("identity", "process", "voting");
    assertThat(capabilities.migrationLocations())
        .containsExactly(
            "classpath:db/migration/polity/process", "classpath:db/migration/polity/voting");
    assertThat(capabilities.resources()).contains(CurrentUserResource.class).hasSize(5);
    assertThat(capabilities.entities()).hasSize(6);
    assertThat(capabilities.owner(CurrentUserResource.class).map(Capability::id))
        .contains("identity");
  }

  @Test
  void twoCapabilitiesWithOneIdStopTheStart() {
    assertThatThrownBy(
            () ->
                Capabilities.of(
                    List.of(new IdentityCapability(), new Made("identity", Set.of(), List.of()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Two capabilities have the id 'identity'")
        .hasMessageContaining(IdentityCapability.class.getName());
  }

  @Test
  void aResourceClaimedTwiceStopsTheStart() {
    assertThatThrownBy(
            () ->
                Capabilities.of(
                    List.of(
                        new IdentityCapability(),
                        new Made("me-too", Set.of(CurrentUserResource.class), List.of()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "The capabilities identity and me-too both declare the resource "
                + CurrentUserResource.class.getName());
  }

  @Test
  void aBadIdAndASettingsKeyClaimedTwiceAreRefused() {
    Setting one = Setting.of("polity.x.y", "1", "A setting.", Setting::anyValue);
    assertThatThrownBy(() -> Capabilities.of(List.of(new Made("Bad Id", Set.of(), List.of()))))
        .hasMessageContaining("has the id 'Bad Id'");
    assertThatThrownBy(
            () ->
                Capabilities.of(
                    List.of(
                        new Made("a", Set.of(), List.of(one)),
                        new Made("b", Set.of(), List.of(one)))))
        .hasMessageContaining("both declare the setting polity.x.y");
  }

  @Test
  void aBadSettingValueNamesItsKeyAndTheFix() {
    Capabilities capabilities = Capabilities.of(List.of(new ProcessCapability()));
    capabilities.checkSettings(config(Map.of()));
    assertThat(ProcessCapability.checkInterval(config(Map.of())).toMinutes()).isEqualTo(1);
    assertThat(
            ProcessCapability.checkInterval(
                config(Map.of("polity.phases.check-interval", "PT0.2S"))))
        .hasMillis(200);
    assertThatThrownBy(
            () -> capabilities.checkSettings(config(Map.of("polity.phases.check-interval", "1m"))))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "polity.phases.check-interval is not an ISO-8601 duration (1m): write it"
                            + " like PT1M (one minute) or PT30S."));
    assertThatThrownBy(
            () ->
                capabilities.checkSettings(config(Map.of("polity.phases.check-interval", "-PT1M"))))
        .hasMessageContaining("polity.phases.check-interval is negative (-PT1M)");
  }

  @Test
  void aCheckThatForgetsTheKeyGetsItPrefixed() {
    Setting setting =
        Setting.of("polity.x.size", "1", "A size.", v -> Optional.of("give a number."));
    assertThat(setting.problem(config(Map.of("polity.x.size", "a"))))
        .contains("polity.x.size: give a number.");
    assertThat(
            Setting.optional("polity.x.file", "A file.", Setting::anyValue).value(config(Map.of())))
        .isEmpty();
  }
}
