package org.polity.counting.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.polity.counting.ElectionProject;
import org.polity.counting.Limits;
import org.polity.counting.Reason;

/** Tracks spending per theme and per district against the caps of {@link Limits}. */
final class Caps {
  private final Limits limits;
  private final Map<String, BigDecimal> spentCategory = new HashMap<>();
  private final Map<String, BigDecimal> spentDistrict = new HashMap<>();

  Caps(Limits limits) {
    this.limits = limits;
  }

  Caps copy() {
    Caps copy = new Caps(limits);
    copy.spentCategory.putAll(spentCategory);
    copy.spentDistrict.putAll(spentDistrict);
    return copy;
  }

  boolean isEmpty() {
    return limits.capPerCategory().isEmpty() && limits.capPerDistrict().isEmpty();
  }

  /** Why the project would break a cap, or empty if it fits. */
  Optional<Reason> violation(ElectionProject project, String currency) {
    for (String category : project.categories()) {
      BigDecimal cap = limits.capPerCategory().get(category);
      if (cap != null) {
        BigDecimal spent = spentCategory.getOrDefault(category, BigDecimal.ZERO);
        if (spent.add(project.cost()).compareTo(cap) > 0) {
          return Optional.of(
              Reason.of("cap.category", category, cap, spent, project.cost(), currency));
        }
      }
    }
    if (project.district().isPresent()) {
      String district = project.district().get();
      BigDecimal cap = limits.capPerDistrict().get(district);
      if (cap != null) {
        BigDecimal spent = spentDistrict.getOrDefault(district, BigDecimal.ZERO);
        if (spent.add(project.cost()).compareTo(cap) > 0) {
          return Optional.of(
              Reason.of("cap.district", district, cap, spent, project.cost(), currency));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Adds the project if it breaks no cap, for the runs that need no reason (the floating-point
   * ones).
   *
   * @return whether it was added
   */
  boolean addIfWithin(ElectionProject project, String currency) {
    if (violation(project, currency).isPresent()) {
      return false;
    }
    add(project);
    return true;
  }

  void add(ElectionProject project) {
    for (String category : project.categories()) {
      spentCategory.merge(category, project.cost(), BigDecimal::add);
    }
    project.district().ifPresent(d -> spentDistrict.merge(d, project.cost(), BigDecimal::add));
  }
}
