package org.polity.jakarta.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;

/**
 * The results of a process were proclaimed and stored: which projects are funded. Observe it with
 * {@code @Observes ResultsPublished}.
 *
 * @param process the process
 * @param selected the projects selected (funded), sorted by id
 * @param notSelected the other projects that were on the ballot, sorted by id
 * @param at when
 */
public record ResultsPublished(
    ProcessId process, List<ProjectId> selected, List<ProjectId> notSelected, Instant at) {
  /** Refuses nulls and copies the lists. */
  public ResultsPublished {
    Objects.requireNonNull(process, "process");
    selected = List.copyOf(selected);
    notSelected = List.copyOf(notSelected);
    Objects.requireNonNull(at, "at");
  }
}
