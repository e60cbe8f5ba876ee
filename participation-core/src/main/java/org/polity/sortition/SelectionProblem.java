package org.polity.sortition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that defines which panels are acceptable: the pool, the panel size, the quotas (every
 * feature named by a quota is a stratification feature, and every respondent must have one of its
 * listed values) and the household rule.
 *
 * @param pool the respondents
 * @param panelSize number of seats, {@code 1 <= panelSize <= pool size}
 * @param quotas quotas per feature value; unique per (feature, value)
 * @param householdRule the address rule ({@link HouseholdRule#none()} to turn it off)
 */
public record SelectionProblem(
    Pool pool, int panelSize, List<Quota> quotas, HouseholdRule householdRule) {

  /** Validates consistency between pool and quotas. */
  public SelectionProblem {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(householdRule, "householdRule");
    quotas = List.copyOf(Objects.requireNonNull(quotas, "quotas"));
    if (panelSize < 1) {
      throw new IllegalArgumentException(
          "The panel size must be at least 1, got " + panelSize + ".");
    }
    if (panelSize > pool.size()) {
      throw new IllegalArgumentException(
          "The panel size "
              + panelSize
              + " exceeds the pool ("
              + pool.size()
              + " respondents); invite more people or shrink the panel.");
    }
    Set<String> seen = new LinkedHashSet<>();
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (Quota q : quotas) {
      if (!seen.add(q.label())) {
        throw new IllegalArgumentException("Quota " + q.label() + " is given twice; keep one row.");
      }
      values.computeIfAbsent(q.feature(), f -> new LinkedHashSet<>()).add(q.value());
    }
    for (Respondent r : pool.respondents()) {
      for (Map.Entry<String, Set<String>> f : values.entrySet()) {
        String v = r.value(f.getKey());
        if (!f.getValue().contains(v)) {
          throw new IllegalArgumentException(
              "Respondent "
                  + r.id()
                  + " has "
                  + f.getKey()
                  + "='"
                  + v
                  + "', which has no quota"
                  + " row; add a row for it to the features (allowed values: "
                  + f.getValue()
                  + ").");
        }
      }
    }
  }

  /**
   * @return the stratification features, in quota order
   */
  public List<String> features() {
    return new ArrayList<>(
        quotas.stream()
            .map(Quota::feature)
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
  }

  /**
   * Whether a set of respondents is an acceptable panel: the right size, distinct members of the
   * pool, every quota met, and at most one member per household.
   *
   * @param memberIds the panel
   * @return an empty list if acceptable, else one sentence per broken rule
   */
  public List<String> violations(java.util.Collection<String> memberIds) {
    List<String> problems = new ArrayList<>();
    Set<String> distinct = new LinkedHashSet<>(memberIds);
    if (distinct.size() != memberIds.size()) {
      problems.add("the panel lists someone twice");
    }
    if (distinct.size() != panelSize) {
      problems.add("the panel has " + distinct.size() + " members instead of " + panelSize);
    }
    List<Respondent> members = new ArrayList<>();
    for (String id : distinct) {
      pool.find(id).ifPresentOrElse(members::add, () -> problems.add(id + " is not in the pool"));
    }
    for (Quota q : quotas) {
      long n = members.stream().filter(r -> r.value(q.feature()).equals(q.value())).count();
      if (n < q.min() || n > q.max()) {
        problems.add(
            q.label() + " has " + n + " seats, outside [" + q.min() + ", " + q.max() + "]");
      }
    }
    if (householdRule.active()) {
      Map<String, String> seenHousehold = new LinkedHashMap<>();
      for (Respondent r : members) {
        String other = seenHousehold.putIfAbsent(householdRule.key(r), r.id());
        if (other != null) {
          problems.add(other + " and " + r.id() + " share an address");
        }
      }
    }
    return problems;
  }
}
