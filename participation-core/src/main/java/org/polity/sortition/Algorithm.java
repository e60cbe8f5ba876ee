package org.polity.sortition;

import java.util.Locale;

/**
 * The built-in selection algorithms.
 *
 * <ul>
 *   <li>{@link #LEGACY}: the greedy method many organisations still use (repeatedly fill the most
 *       under-filled category with a random member); its probabilities are estimated from many
 *       seeded draws. Kept for comparison: it can give some respondents almost no chance.
 *   <li>{@link #MAXIMIN}: makes the lowest selection probability as high as possible.
 *   <li>{@link #LEXIMIN}: maximin, then the second lowest as high as possible, and so on (Flanigan
 *       et al., Nature 2021). The recommended method.
 * </ul>
 */
public enum Algorithm {
  /** The legacy greedy method. */
  LEGACY,
  /** Maximise the minimum probability. */
  MAXIMIN,
  /** Lexicographically maximise the sorted probabilities. */
  LEXIMIN;

  /**
   * @return the name used on the command line and by the SPI, e.g. {@code leximin}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
