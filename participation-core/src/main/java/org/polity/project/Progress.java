package org.polity.project;

import java.util.List;
import java.util.Objects;

/**
 * How far the realisation of a project has gone, as published in its follow-up.
 *
 * @param percent from 0 to 100
 * @param milestones the milestones, in order; copied
 */
public record Progress(int percent, List<Milestone> milestones) {
  /** Validates the percentage and copies the milestones. */
  public Progress {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException(
          "The progress " + percent + "% is out of range: give a percentage from 0 to 100.");
    }
    milestones = List.copyOf(Objects.requireNonNull(milestones, "milestones"));
  }

  /**
   * Progress without milestones.
   *
   * @param percent from 0 to 100
   * @return the progress
   */
  public static Progress of(int percent) {
    return new Progress(percent, List.of());
  }
}
