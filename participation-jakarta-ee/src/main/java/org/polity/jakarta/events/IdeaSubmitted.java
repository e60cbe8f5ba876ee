package org.polity.jakarta.events;

import java.time.Instant;
import java.util.Objects;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;

/**
 * An idea was submitted (online, on a paper form encoded by staff, or by an assembly) and stored.
 * Observe it with {@code void onIdea(@Observes IdeaSubmitted event)}.
 *
 * @param process the process
 * @param project the new project
 * @param channel {@code online}, {@code paper} or {@code assembly}
 * @param at when it was submitted
 */
public record IdeaSubmitted(ProcessId process, ProjectId project, String channel, Instant at) {
  /** Refuses nulls. */
  public IdeaSubmitted {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
  }
}
