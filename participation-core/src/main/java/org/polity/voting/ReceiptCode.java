package org.polity.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The secret receipt a voter gets when their ballot is accepted: 20 random characters of Crockford
 * base32 (100 bits), shown in groups of four ({@code 7K3M-Q9PX-...}).
 *
 * <p>Only the voter knows the code. The ballot box stores and publishes its {@link #hash() hash}
 * next to the counted ballot, never the code, and never the voter. A voter checks that their ballot
 * is counted, and counted as cast, by finding the hash of their code in the published list (or with
 * {@link BallotBox#check}); anyone else sees only anonymous hashes. See {@code docs/eligibility.md}
 * for what a receipt does and does not protect against.
 *
 * @param value the code in canonical form: 20 Crockford base32 characters, upper case, no dashes
 */
public record ReceiptCode(String value) {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final Pattern CANONICAL = Pattern.compile("[0-9A-HJKMNP-TV-Z]{20}");

  /** Refuses anything that is not a canonical code; use {@link #parse} for typed-in text. */
  public ReceiptCode {
    Objects.requireNonNull(value, "value");
    if (!CANONICAL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a receipt code: 20 Crockford base32 characters; use"
              + " ReceiptCode.parse for text typed by a voter.");
    }
  }

  /**
   * A fresh random code.
   *
   * @param random a cryptographically strong source
   * @return a new code
   */
  public static ReceiptCode random(SecureRandom random) {
    StringBuilder code = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      code.append(ALPHABET.charAt(random.nextInt(32)));
    }
    return new ReceiptCode(code.toString());
  }

  /**
   * A code typed by a voter: dashes and spaces are ignored, case too, and the look-alikes {@code
   * O}, {@code I} and {@code L} are read as {@code 0}, {@code 1} and {@code 1}.
   *
   * @param text the typed code
   * @return the code
   */
  public static ReceiptCode parse(String text) {
    Objects.requireNonNull(text, "text");
    String canonical =
        text.replaceAll("[\\s-]", "")
            .toUpperCase(Locale.ROOT)
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    return new ReceiptCode(canonical);
  }

  /**
   * The SHA-256 hash of this code, which is what the ballot box keeps and publishes.
   *
   * @return the hash
   */
  public ReceiptHash hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return new ReceiptHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /**
   * The code grouped by four for display, e.g. {@code 7K3M-Q9PX-2RTV-8HNA-C4WE}.
   *
   * @return the grouped code
   */
  public String grouped() {
    return String.join(
        "-",
        value.substring(0, 4),
        value.substring(4, 8),
        value.substring(8, 12),
        value.substring(12, 16),
        value.substring(16, 20));
  }

  @Override
  public String toString() {
    return grouped();
  }
}
