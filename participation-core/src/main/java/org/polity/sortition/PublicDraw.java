package org.polity.sortition;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Picks the winning ticket of a published {@link Lottery} from numbers drawn in public (for
 * example, balls drawn one by one at a public meeting), so that anyone can check the result.
 *
 * <p>Recipe: write the numbers as decimal text joined by commas, without spaces (e.g. {@code
 * 7,42,13,5}); hash that text (UTF-8) with SHA-256; read the 64 hexadecimal digits as one unsigned
 * number; the winning ticket is that number modulo the lottery size. With a shell: {@code printf
 * '7,42,13,5' | sha256sum}, then {@code echo $((16#...))} is too large for the shell, so use {@code
 * python3 -c 'print(int("HASH",16) % 1000)'}. The bias of the modulo is below 10^-70.
 */
public final class PublicDraw {

  private PublicDraw() {}

  /**
   * The result of a public draw.
   *
   * @param input the text that was hashed (numbers joined by commas)
   * @param sha256 its SHA-256, hexadecimal
   * @param ticket the winning ticket number
   * @param panel the panel on that ticket
   * @param lotteryFingerprint the fingerprint of the lottery drawn from
   */
  public record Result(
      String input, String sha256, int ticket, Panel panel, String lotteryFingerprint) {}

  /**
   * Draws the winning ticket.
   *
   * @param lottery the published lottery
   * @param publicNumbers the numbers drawn in public, in the order drawn (at least one; digits
   *     only)
   * @return the winning ticket and everything needed to check it
   */
  public static Result draw(Lottery lottery, List<String> publicNumbers) {
    Objects.requireNonNull(lottery, "lottery");
    if (publicNumbers == null || publicNumbers.isEmpty()) {
      throw new IllegalArgumentException(
          "A public draw needs at least one publicly drawn number, e.g. 7,42,13,5.");
    }
    StringBuilder input = new StringBuilder();
    for (String n : publicNumbers) {
      String t = n.trim();
      if (!t.matches("[0-9]+")) {
        throw new IllegalArgumentException(
            "Public number '" + n + "' is not a whole number written with digits 0-9.");
      }
      if (input.length() > 0) {
        input.append(',');
      }
      input.append(new BigInteger(t));
    }
    String hash = Lottery.sha256Hex(input.toString());
    int ticket = new BigInteger(hash, 16).mod(BigInteger.valueOf(lottery.size())).intValue();
    return new Result(
        input.toString(), hash, ticket, lottery.tickets().get(ticket), lottery.fingerprint());
  }
}
