package org.polity.jakarta.news;

import java.util.Objects;
import org.polity.news.Event;

/**
 * An event was announced (a CDI event, fired after the commit).
 *
 * @param event the event as announced
 * @param by who announced it
 */
public record EventAnnounced(Event event, String by) {

  /** Refuses missing parts. */
  public EventAnnounced {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(by, "by");
  }
}
