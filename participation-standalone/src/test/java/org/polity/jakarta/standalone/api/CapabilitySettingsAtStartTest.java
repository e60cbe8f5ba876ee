package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;

/** A wrong value of a capability's setting stops the server's start, naming the key and the fix. */
class CapabilitySettingsAtStartTest {

  @TempDir Path data;

  @Test
  void aBadCapabilitySettingStopsTheStart() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    settings.put("polity.news.page-size", "500");
    settings.put("polity.phases.check-interval", "1m");
    assertThatThrownBy(
            () -> PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings)).close())
        .satisfies(
            thrown -> {
              Throwable cause = thrown;
              while (!(cause instanceof ConfigurationException) && cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertThat(cause).isInstanceOf(ConfigurationException.class);
              assertThat(((ConfigurationException) cause).problems())
                  .containsExactlyInAnyOrder(
                      "polity.news.page-size is '500': give a whole number from 1 to 100 (the"
                          + " default is 20).",
                      "polity.phases.check-interval is not an ISO-8601 duration (1m): write it"
                          + " like PT1M (one minute) or PT30S.");
            });
  }
}
