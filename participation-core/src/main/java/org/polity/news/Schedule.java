package org.polity.news;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an event takes place: from its start to its end, as instants (UTC; a client shows them in
 * the reader's time zone). The end may equal the start (a moment), never precede it.
 *
 * @param startsAt the start
 * @param endsAt the end, not before the start
 */
public record Schedule(Instant startsAt, Instant endsAt) {

  /** Refuses an end before the start. */
  public Schedule {
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException(
          "The event ends ("
              + endsAt
              + ") before it starts ("
              + startsAt
              + "): give an end at or after the start.");
    }
  }

  /**
   * Whether the event is over at a time.
   *
   * @param now the time
   * @return true when it ended before {@code now}
   */
  public boolean isOverAt(Instant now) {
    return endsAt.isBefore(now);
  }

  /**
   * How long the event lasts.
   *
   * @return the duration, zero for a moment
   */
  public Duration duration() {
    return Duration.between(startsAt, endsAt);
  }
}
