package org.polity.project;

import java.time.LocalDate;
import java.util.Objects;
import org.polity.common.LocalizedText;

/**
 * A step of a project's realisation ("works tendered", "trees planted"), planned or reached.
 *
 * @param label what the step is
 * @param date when it is planned, or when it was reached
 * @param reached whether it was reached
 */
public record Milestone(LocalizedText label, LocalDate date, boolean reached) {
  /** Validates the parts. */
  public Milestone {
    Objects.requireNonNull(label, "The label of a milestone is missing.");
    Objects.requireNonNull(
        date, () -> "The date of milestone '" + label.original() + "' is missing.");
  }
}
