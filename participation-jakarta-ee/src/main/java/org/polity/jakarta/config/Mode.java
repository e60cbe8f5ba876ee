package org.polity.jakarta.config;

/**
 * Whether Polity runs for real or on a developer's machine ({@code polity.mode}).
 *
 * <p>Development mode relaxes exactly two things: the participant-key secret may be omitted (a
 * fixed, publicly known secret is used and a warning is logged), and the development authentication
 * headers are accepted by the standalone server. Neither is ever safe in production.
 */
public enum Mode {
  /** The default: every required secret must be configured, no development authentication. */
  PRODUCTION,
  /** A developer's machine: insecure shortcuts allowed, loudly. */
  DEVELOPMENT;

  /**
   * Parses a configured value, case-insensitively.
   *
   * @param value {@code production} or {@code development}
   * @return the mode
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static Mode parse(String value) {
    for (Mode mode : values()) {
      if (mode.name().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "polity.mode is '" + value + "': use 'production' or 'development'.");
  }
}
