package org.polity.voting;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The published, anonymous trace of a {@link ReceiptCode}: the lower-case hexadecimal SHA-256 of
 * the code. Stored next to the counted ballot; orders counted ballots in published lists.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record ReceiptHash(String hex) implements Comparable<ReceiptHash> {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** Refuses anything but 64 lower-case hexadecimal digits. */
  public ReceiptHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException(
          "'" + hex + "' is not a receipt hash: 64 lower-case hex digits; use ReceiptCode.hash().");
    }
  }

  @Override
  public int compareTo(ReceiptHash other) {
    return hex.compareTo(other.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
