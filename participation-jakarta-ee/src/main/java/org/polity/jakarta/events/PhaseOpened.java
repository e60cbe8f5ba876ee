package org.polity.jakarta.events;

import java.time.Instant;
import java.util.Objects;
import org.polity.common.ProcessId;

/**
 * A phase of a process opened (by staff, or by its dates once the adapter noticed) and the move is
 * stored. Observe it with {@code @Observes PhaseOpened}.
 *
 * @param process the process
 * @param phase the phase that opened
 * @param previous the phase that was current, or null for the first
 * @param at when the move was recorded
 * @param byStaff whether staff moved it (false: its dates)
 */
public record PhaseOpened(
    ProcessId process, String phase, String previous, Instant at, boolean byStaff) {
  /** Refuses nulls (but the previous phase). */
  public PhaseOpened {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(at, "at");
  }
}
