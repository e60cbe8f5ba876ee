package org.polity.process;

import java.util.Optional;

/**
 * A condition a process must meet before a phase opens, for instance "voting cannot open while
 * projects are still under review". A {@link PhaseCalendar} asks every guard before each move,
 * whether the move is due to the dates or asked by staff; the first refusal holds the move.
 *
 * <p>Guards are given to the calendar by whoever knows the state they look at (an {@code
 * org.polity.project.Edition} guards the vote with its projects). A guard must not change anything.
 */
@FunctionalInterface
public interface PhaseGuard {

  /**
   * Whether the process may move into a phase.
   *
   * @param from the current phase, or empty before the first one
   * @param to the phase about to open
   * @return a refusal saying why not, or empty to allow the move
   */
  Optional<Refusal> check(Optional<Phase> from, Phase to);
}
