package org.polity.jakarta.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes the {@link PolitySettings} injectable. They are read from the MicroProfile configuration of
 * the application's class loader (system properties, environment variables, {@code
 * META-INF/microprofile-config.properties}, and whatever sources the host adds).
 */
@ApplicationScoped
public class SettingsProducer {

  /** Creates the producer; CDI calls it. */
  public SettingsProducer() {}

  /**
   * The settings, read and checked once per application.
   *
   * @return the settings
   * @throws ConfigurationException when the configuration is incomplete or wrong
   */
  @Produces
  @Singleton
  public PolitySettings settings() {
    return PolitySettings.from(ConfigProvider.getConfig());
  }
}
