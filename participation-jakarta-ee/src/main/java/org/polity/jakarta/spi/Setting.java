package org.polity.jakarta.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * A setting a capability reads from MicroProfile Config, with its default and its check. The
 * application checks every capability's settings at start-up, so that a wrong value stops it with a
 * message instead of failing at the first request; the settings reference in the documentation
 * lists them.
 *
 * @param key the key, such as {@code polity.news.page-size}
 * @param defaultValue the value when none is configured, or empty when the setting is optional
 * @param description what the setting does, for the documentation
 * @param check the check of a configured value: empty when it is valid, else what is wrong and how
 *     to fix it
 */
public record Setting(
    String key,
    Optional<String> defaultValue,
    String description,
    Function<String, Optional<String>> check) {

  /** Checks the declaration. */
  public Setting {
    Objects.requireNonNull(key, "key");
    if (!key.startsWith("polity.")) {
      throw new IllegalArgumentException(
          "Setting " + key + " is outside Polity's keys: start it with \"polity.\".");
    }
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(check, "check");
  }

  /**
   * A setting with a default and no check beyond the default's.
   *
   * @param key the key
   * @param defaultValue the default
   * @param description what it does
   * @param check the check
   * @return the setting
   */
  public static Setting of(
      String key,
      String defaultValue,
      String description,
      Function<String, Optional<String>> check) {
    return new Setting(key, Optional.of(defaultValue), description, check);
  }

  /**
   * A setting without a default: the feature it configures is off until it is set.
   *
   * @param key the key
   * @param description what it does
   * @param check the check of a configured value
   * @return the setting
   */
  public static Setting optional(
      String key, String description, Function<String, Optional<String>> check) {
    return new Setting(key, Optional.empty(), description, check);
  }

  /**
   * The check that accepts every value.
   *
   * @param value the value
   * @return always empty
   */
  public static Optional<String> anyValue(String value) {
    return Optional.empty();
  }

  /**
   * The value in effect: the configured one (without surrounding blanks) when it is not blank, else
   * the default. The value is not checked here: {@link #problem(Config)} does it, once, at
   * start-up.
   *
   * @param config the configuration
   * @return the value, or empty when the setting is optional and not set
   */
  public Optional<String> value(Config config) {
    return config
        .getOptionalValue(key, String.class)
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .or(() -> defaultValue);
  }

  /**
   * Checks the value in effect.
   *
   * @param config the configuration
   * @return empty when it is valid; else a sentence that names the key, the value seen and the fix
   */
  public Optional<String> problem(Config config) {
    Optional<String> value = value(config);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return check.apply(value.get()).map(p -> p.contains(key) ? p : key + ": " + p);
  }
}
