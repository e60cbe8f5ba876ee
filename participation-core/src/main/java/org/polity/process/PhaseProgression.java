package org.polity.process;

/**
 * How a process moves from one phase to the next.
 *
 * <p>In both modes staff may move forward explicitly, and every move passes the guards of the
 * {@link PhaseCalendar} (for instance: voting cannot open while projects are under review).
 */
public enum PhaseProgression {
  /**
   * The dates decide: the current phase is the one whose dates contain the clock's instant. A move
   * that a guard refuses is held (the previous phase stays current) until the guard passes.
   */
  BY_DATES,
  /** Staff decide: a phase is current from the moment staff open it; dates are indicative. */
  BY_STAFF
}
