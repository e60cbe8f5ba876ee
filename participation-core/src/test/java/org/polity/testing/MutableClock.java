package org.polity.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A clock that tests set and move by hand; safe to read from many threads (a volatile instant).
 * Reusable by other modules through core's test jar.
 */
public final class MutableClock extends Clock {

  private volatile Instant now;
  private final ZoneId zone;

  /**
   * A clock at an instant.
   *
   * @param now the instant
   * @param zone the zone reported by {@link #getZone()}
   */
  public MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock at an instant, in UTC.
   *
   * @param now the instant
   */
  public MutableClock(Instant now) {
    this(now, java.time.ZoneOffset.UTC);
  }

  /**
   * A clock at a local date-time of a zone.
   *
   * @param local the local date-time
   * @param zone the zone
   * @return the clock
   */
  public static MutableClock at(LocalDateTime local, ZoneId zone) {
    return new MutableClock(local.atZone(zone).toInstant(), zone);
  }

  /**
   * Sets the time.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    this.now = instant;
  }

  /**
   * Sets the time to a local date-time of this clock's zone.
   *
   * @param local the local date-time
   */
  public void set(LocalDateTime local) {
    this.now = local.atZone(zone).toInstant();
  }

  /**
   * Moves the time.
   *
   * @param duration how much
   */
  public void advance(Duration duration) {
    this.now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
