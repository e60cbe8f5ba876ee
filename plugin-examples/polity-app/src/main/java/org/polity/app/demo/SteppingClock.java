package org.polity.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The demo's clock: the script sets the local time of each event; time never goes back. */
public final class SteppingClock extends Clock {

  private final ZoneId zone;
  private Instant now;

  /**
   * A clock at a local date-time.
   *
   * @param start the first moment
   * @param zone the zone of the local times
   */
  public SteppingClock(LocalDateTime start, ZoneId zone) {
    this.zone = zone;
    this.now = start.atZone(zone).toInstant();
  }

  /**
   * Moves the clock forward to a local date-time.
   *
   * @param local the new local time, not before the current one
   */
  public void moveTo(LocalDateTime local) {
    Instant next = local.atZone(zone).toInstant();
    if (next.isBefore(now)) {
      throw new IllegalArgumentException(
          "The demo clock cannot go back from " + now + " to " + next + ".");
    }
    now = next;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    throw new UnsupportedOperationException("The demo clock has one zone.");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
