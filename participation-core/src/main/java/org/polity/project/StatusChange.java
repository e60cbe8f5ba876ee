package org.polity.project;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;

/**
 * One entry of a project's public follow-up: a move from one status to another, who made it, when
 * and why.
 *
 * @param from the status before, or null for the submission
 * @param to the status after
 * @param at when (the edition's clock)
 * @param actor who: a staff reference, a reviewer, {@code online} for an online submission
 * @param why the public reason, in one or more languages
 */
public record StatusChange(
    ProjectStatus from, ProjectStatus to, Instant at, String actor, LocalizedText why) {

  /** Validates the parts; a move must be in the lifecycle. */
  public StatusChange {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(why, "why");
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException(
          "The actor of a status change is blank: name who made it.");
    }
    if (from == null && to != ProjectStatus.SUBMITTED) {
      throw new IllegalArgumentException("A project's first status is SUBMITTED, not " + to + ".");
    }
    if (from != null && !from.canMoveTo(to)) {
      throw new IllegalArgumentException(
          "A project cannot move from "
              + from
              + " to "
              + to
              + ": from "
              + from
              + " it can go to "
              + from.next()
              + ".");
    }
  }

  /**
   * The status before.
   *
   * @return it, or empty for the submission
   */
  public Optional<ProjectStatus> previous() {
    return Optional.ofNullable(from);
  }
}
