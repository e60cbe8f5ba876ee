package org.polity.jakarta.news;

import java.util.Objects;

/**
 * A news item or an event with its version, the ETag that an edit must send back in {@code
 * If-Match}.
 *
 * @param value the item or event
 * @param version its version, 1 when first published
 * @param <T> the type
 */
public record Versioned<T>(T value, long version) {

  /** Refuses a missing value. */
  public Versioned {
    Objects.requireNonNull(value, "value");
  }
}
