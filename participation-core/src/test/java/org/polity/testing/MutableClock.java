package org.polity.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that tests set and move by hand; thread safe. Reusable from core's test jar. */
public final class MutableClock extends Clock {

  private volatile Instant now;

  /**
   * @param start the initial instant
   */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start);
  }

  /**
   * @param instant the new current instant
   */
  public void set(Instant instant) {
    this.now = Objects.requireNonNull(instant);
  }

  /**
   * @param duration how far to move forward
   */
  public void advance(Duration duration) {
    this.now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is always UTC");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
