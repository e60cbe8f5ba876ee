package org.polity.jakarta.events;

import java.time.Instant;
import java.util.Objects;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.project.ProjectStatus;

/**
 * A project moved from one status to another (review, validation, merge, results, follow-up) and
 * the change is stored; one event per move. Observe it with {@code @Observes ProjectStatusChanged}.
 *
 * @param process the process
 * @param project the project
 * @param from the status before
 * @param to the status after
 * @param at when
 */
public record ProjectStatusChanged(
    ProcessId process, ProjectId project, ProjectStatus from, ProjectStatus to, Instant at) {
  /** Refuses nulls. */
  public ProjectStatusChanged {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}
