package org.polity.jakarta.news;

import java.time.Instant;
import java.util.Objects;
import org.polity.news.NewsId;

/**
 * A news item or an event was withdrawn: readers no longer see it (a CDI event, fired after the
 * commit).
 *
 * @param id its id
 * @param kind {@code item} or {@code event}
 * @param by who withdrew it
 * @param at when
 */
public record NewsWithdrawn(NewsId id, String kind, String by, Instant at) {

  /** Refuses missing parts. */
  public NewsWithdrawn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
