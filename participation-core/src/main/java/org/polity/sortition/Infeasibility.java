package org.polity.sortition;

import java.util.List;

/**
 * Why no panel can meet the quotas with this pool, and the smallest relaxation that would make
 * one possible (the least total number of seats moved, within each quota's {@code min_flex} and
 * {@code max_flex}).
 *
 * @param reasons one sentence per quota (or rule) that cannot be met
 * @param relaxation the suggested changes, empty if none within the flex bounds helps
 */
public record Infeasibility(List<String> reasons, List<QuotaRelaxation> relaxation) {

  /** Copies the lists. */
  public Infeasibility {
    reasons = List.copyOf(reasons);
    relaxation = List.copyOf(relaxation);
  }

  /**
   * @return one paragraph for the participation officer
   */
  public String message() {
    StringBuilder sb = new StringBuilder("The quotas cannot be met by this pool: ");
    sb.append(String.join("; ", reasons)).append('.');
    if (relaxation.isEmpty()) {
      sb.append(" No relaxation within min_flex/max_flex makes a panel possible; widen the flex"
          + " bounds, invite more people or change the panel size.");
    } else {
      sb.append(" Smallest relaxation: ");
      sb.append(String.join("; ", relaxation.stream().map(QuotaRelaxation::describe).toList()));
      sb.append('.');
    }
    return sb.toString();
  }
}
