package org.polity.project;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.ProjectId;

/**
 * The answer to "what happened to my idea?", for any project, including those not found feasible,
 * merged or not selected: its status, since when, and an explanation in French, Dutch and English
 * that says why and what comes next.
 *
 * @param project the project
 * @param status its status
 * @param since when it reached that status
 * @param explanation the explanation, English first
 * @param progress the realisation's progress, if reported
 */
public record IdeaFate(
    ProjectId project,
    ProjectStatus status,
    Instant since,
    LocalizedText explanation,
    Optional<Progress> progress) {

  /** Validates the parts. */
  public IdeaFate {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(explanation, "explanation");
    Objects.requireNonNull(progress, "progress");
  }

  /**
   * The explanation for a reader.
   *
   * @param locale the reader's locale
   * @return the explanation in French, Dutch or English
   */
  public String explanation(Locale locale) {
    return explanation.in(locale);
  }
}
