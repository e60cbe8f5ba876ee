package org.polity.counting;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.common.ProjectId;

/**
 * A project as a counting rule sees it: its id, its exact cost, and the labels that caps can refer
 * to (themes and district).
 *
 * @param id the project
 * @param cost the exact cost, zero or more
 * @param name a display name (may be empty)
 * @param categories the themes the project belongs to (for caps per theme)
 * @param district the district, if the project belongs to one (for caps per district)
 */
public record ElectionProject(
    ProjectId id, BigDecimal cost, String name, Set<String> categories, Optional<String> district) {

  /** Refuses a negative cost. */
  public ElectionProject {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cost, "cost");
    if (cost.signum() < 0) {
      throw new IllegalArgumentException(
          "Project " + id + " costs " + cost.toPlainString() + ": a cost must be 0 or more.");
    }
    name = name == null ? "" : name;
    categories = Set.copyOf(categories == null ? Set.of() : categories);
    district = district == null ? Optional.empty() : district;
  }

  /**
   * A project with no name, theme or district.
   *
   * @param id the id
   * @param cost the cost
   * @return the project
   */
  public static ElectionProject of(String id, long cost) {
    return new ElectionProject(
        ProjectId.of(id), BigDecimal.valueOf(cost), "", Set.of(), Optional.empty());
  }
}
