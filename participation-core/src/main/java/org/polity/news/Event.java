package org.polity.news;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;

/**
 * An event staff announce (an information evening, a walk through a district, a vote's closing): a
 * title and a description in French, Dutch or English, when and where it takes place, and
 * optionally the process it is about.
 *
 * @param id the identifier
 * @param title the title (at most {@value NewsTexts#MAX_TITLE} characters per language)
 * @param description the description (at most {@value NewsTexts#MAX_BODY} characters per language)
 * @param schedule when it takes place
 * @param place where it takes place
 * @param process the process it is about, if any
 */
public record Event(
    NewsId id,
    LocalizedText title,
    LocalizedText description,
    Schedule schedule,
    Place place,
    Optional<ProcessId> process) {

  /** Checks the texts (languages fr, nl, en; lengths). */
  public Event {
    Objects.requireNonNull(id, "id");
    NewsTexts.checked(title, NewsTexts.MAX_TITLE, "title");
    NewsTexts.checked(description, NewsTexts.MAX_BODY, "description");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(process, "process");
  }

  /**
   * Whether the event is still to come or going on at a time.
   *
   * @param now the time
   * @return true until it ends
   */
  public boolean isUpcomingAt(Instant now) {
    return !schedule.isOverAt(now);
  }
}
