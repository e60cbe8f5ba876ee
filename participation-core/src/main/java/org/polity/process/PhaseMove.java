package org.polity.process;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;

/**
 * One entry of a process's phase history: which phase opened, when, who moved it and why.
 *
 * @param from the phase that was current, or null before the first phase
 * @param to the phase that opened
 * @param at when the move was applied (the calendar's clock)
 * @param actor who moved it: a staff reference, or {@link #DATES} for a move by the dates
 * @param why the reason given, public
 * @param trigger whether the dates or staff caused it
 */
public record PhaseMove(
    String from, String to, Instant at, String actor, LocalizedText why, Trigger trigger) {

  /** The actor recorded for moves caused by the dates. */
  public static final String DATES = "dates";

  /** Validates the parts. */
  public PhaseMove {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(trigger, "trigger");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException(
          "The actor of a phase move is blank: name who moved the phase (a staff reference).");
    }
  }

  /**
   * The previous phase.
   *
   * @return its id, or empty for the first move
   */
  public Optional<String> previous() {
    return Optional.ofNullable(from);
  }

  /** What caused a phase move. */
  public enum Trigger {
    /** The opening date of the phase was reached. */
    DATES,
    /** Staff moved the process explicitly. */
    STAFF
  }
}
