package org.polity.portal.pages;

import java.util.List;
import java.util.Optional;
import org.polity.jakarta.process.Processes;
import org.polity.portal.web.Page;
import org.polity.process.Phase;
import org.polity.process.PhaseKind;

/**
 * An edition as the pages list it: its title, its current phase and its calendar.
 *
 * @param id the process id
 * @param title the title in the reader's language
 * @param phase the current phase's name, or empty before the first or after the last
 * @param voting whether the current phase is the vote
 * @param calendar every phase with its dates, in order
 */
public record EditionCard(
    String id, String title, Optional<String> phase, boolean voting, List<CalendarEntry> calendar) {

  /**
   * One phase of the calendar.
   *
   * @param name the phase's name in the reader's language
   * @param dates its dates as the reader writes them, or empty when it has none
   * @param current whether it is the current phase
   */
  public record CalendarEntry(String name, String dates, boolean current) {}

  /**
   * The card of a loaded process.
   *
   * @param loaded the process
   * @param page the page (language, formats)
   * @return the card
   */
  public static EditionCard of(Processes.Loaded loaded, Page page) {
    Optional<Phase> current = loaded.calendar().current();
    List<CalendarEntry> calendar =
        loaded.process().phases().stream()
            .map(
                phase ->
                    new CalendarEntry(
                        phase.displayName(page.language()),
                        dates(phase, page),
                        current.map(c -> c.id().equals(phase.id())).orElse(false)))
            .toList();
    return new EditionCard(
        loaded.process().id().value(),
        page.t(loaded.process().title()),
        current.map(p -> p.displayName(page.language())),
        current.map(p -> p.kind() == PhaseKind.VOTING).orElse(false),
        calendar);
  }

  private static String dates(Phase phase, Page page) {
    Optional<String> opens = phase.dates().opening().map(d -> page.date(d.toLocalDate()));
    Optional<String> closes = phase.dates().closing().map(d -> page.date(d.toLocalDate()));
    if (opens.isPresent() && closes.isPresent()) {
      return page.t("calendar.from-to", opens.get(), closes.get());
    }
    return opens
        .map(o -> page.t("calendar.from", o))
        .or(() -> closes.map(c -> page.t("calendar.until", c)))
        .orElse("");
  }
}
