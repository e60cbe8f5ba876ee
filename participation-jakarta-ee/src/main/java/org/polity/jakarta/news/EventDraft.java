package org.polity.jakarta.news;

import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.news.Place;
import org.polity.news.Schedule;

/**
 * What staff write to announce or edit an event.
 *
 * @param title the title
 * @param description the description
 * @param schedule when it takes place
 * @param place where it takes place
 * @param process the process it is about, if any
 */
public record EventDraft(
    LocalizedText title,
    LocalizedText description,
    Schedule schedule,
    Place place,
    Optional<ProcessId> process) {

  /** Refuses missing parts. */
  public EventDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(process, "process");
  }
}
