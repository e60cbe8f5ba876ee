package org.polity.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When and where a decision is taken: the instant, and the process's time zone in which that
 * instant is read as a calendar date ("10 years old today" in Brussels is a Brussels date, even at
 * 00:30 local time when it is still yesterday in UTC).
 *
 * @param now the instant of the decision
 * @param zone the process's time zone
 */
public record EligibilityContext(Instant now, ZoneId zone) {

  /** Refuses missing parts. */
  public EligibilityContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * A context.
   *
   * @param now the instant of the decision
   * @param zone the process's time zone
   * @return the context
   */
  public static EligibilityContext at(Instant now, ZoneId zone) {
    return new EligibilityContext(now, zone);
  }

  /**
   * @return the date of the decision in the process's zone
   */
  public LocalDate today() {
    return now.atZone(zone).toLocalDate();
  }
}
