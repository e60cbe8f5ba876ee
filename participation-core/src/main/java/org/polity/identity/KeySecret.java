package org.polity.identity;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One version of the secret used to compute participant keys, as read from configuration (an
 * environment variable, a vault, a key store): a version name and at least 32 random bytes in
 * base64. Generate one with {@code openssl rand -base64 32}. {@link #toString()} never shows the
 * secret.
 *
 * @param version the version name carried in every key it produces, e.g. {@code v1}
 * @param base64 the secret's bytes in standard base64; at least 32 bytes
 */
public record KeySecret(String version, String base64) {

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /** Refuses a malformed version, malformed base64 or a secret shorter than 32 bytes. */
  public KeySecret {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(base64, "base64");
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "The key version '"
              + version
              + "' is malformed: use 1 to 32 letters, digits, '-' or '_'.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The secret of key version "
              + version
              + " is not base64: generate one with"
              + " `openssl rand -base64 32`.",
          e);
    }
    if (bytes.length < 32) {
      throw new IllegalArgumentException(
          "The secret of key version "
              + version
              + " has "
              + bytes.length
              + " bytes: give at least"
              + " 32 random bytes (`openssl rand -base64 32`).");
    }
    base64 = base64.strip();
  }

  /**
   * The secret's bytes.
   *
   * @return a fresh copy
   */
  public byte[] bytes() {
    return Base64.getDecoder().decode(base64);
  }

  /** Shows the version only. */
  @Override
  public String toString() {
    return "KeySecret[version=" + version + ", secret=***]";
  }
}
