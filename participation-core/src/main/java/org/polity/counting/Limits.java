package org.polity.counting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds and caps that cities add to a rule. A project below the minimum share of votes is not
 * eligible at all; a project that would take its theme or district over its cap is passed over (the
 * rule goes on with the next one).
 *
 * @param minimumVoteShare the least share of ballots (0 to 1) that must name a project for it to be
 *     eligible; 0 for none
 * @param capPerCategory the most that may be spent on projects of a theme
 * @param capPerDistrict the most that may be spent on projects of a district
 */
public record Limits(
    BigDecimal minimumVoteShare,
    Map<String, BigDecimal> capPerCategory,
    Map<String, BigDecimal> capPerDistrict) {

  /** Checks the share lies in [0, 1] and caps are not negative. */
  public Limits {
    Objects.requireNonNull(minimumVoteShare, "minimumVoteShare");
    if (minimumVoteShare.signum() < 0 || minimumVoteShare.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          "The minimum vote share "
              + minimumVoteShare.toPlainString()
              + " is not between 0 and 1: give a share such as 0.05 for 5%.");
    }
    capPerCategory = Map.copyOf(capPerCategory);
    capPerDistrict = Map.copyOf(capPerDistrict);
    capPerCategory.forEach(Limits::checkCap);
    capPerDistrict.forEach(Limits::checkCap);
  }

  private static void checkCap(String name, BigDecimal cap) {
    if (cap.signum() < 0) {
      throw new IllegalArgumentException(
          "The cap for '" + name + "' is " + cap.toPlainString() + ": a cap must be 0 or more.");
    }
  }

  /**
   * @return no threshold and no cap
   */
  public static Limits none() {
    return new Limits(BigDecimal.ZERO, Map.of(), Map.of());
  }

  /**
   * @return whether there is neither threshold nor cap
   */
  public boolean isNone() {
    return minimumVoteShare.signum() == 0 && capPerCategory.isEmpty() && capPerDistrict.isEmpty();
  }
}
