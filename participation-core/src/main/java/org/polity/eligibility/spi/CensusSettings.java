package org.polity.eligibility.spi;

import java.util.Map;
import java.util.Objects;
import org.polity.common.LocalizedText;
import org.polity.identity.ParticipantKeyer;

/**
 * What a {@link CensusSourceProvider} is given to open a source: the list's name, its
 * provider-specific options (a file, a URL, a column name), and the keyer that turns identifiers
 * into participant keys.
 *
 * @param kind the provider kind asked for, e.g. {@code csv}
 * @param name the list's name, for messages
 * @param options provider-specific options
 * @param keyer computes participant keys from identifiers
 */
public record CensusSettings(
    String kind, LocalizedText name, Map<String, String> options, ParticipantKeyer keyer) {

  /** Refuses missing parts; copies the options. */
  public CensusSettings {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException(
          "A census kind is blank: name the provider, e.g. \"csv\".");
    }
    Objects.requireNonNull(name, "name");
    options = Map.copyOf(Objects.requireNonNull(options, "options"));
    Objects.requireNonNull(keyer, "keyer");
  }

  /**
   * A required option.
   *
   * @param key the option's name
   * @return its value
   * @throws IllegalArgumentException naming the option if it is missing
   */
  public String require(String key) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "The "
              + kind
              + " census needs the option '"
              + key
              + "'; given options: "
              + options.keySet()
              + ".");
    }
    return value;
  }
}
