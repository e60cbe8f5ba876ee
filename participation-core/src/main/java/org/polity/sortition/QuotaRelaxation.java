package org.polity.sortition;

/**
 * A suggested change to one quota that makes the draw possible.
 *
 * @param quota the quota as given
 * @param suggestedMin the relaxed minimum ({@code <= quota.min()})
 * @param suggestedMax the relaxed maximum ({@code >= quota.max()})
 */
public record QuotaRelaxation(Quota quota, int suggestedMin, int suggestedMax) {

  /**
   * @return a sentence such as {@code gender=female: min 11 -> 9}
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(quota.label()).append(':');
    if (suggestedMin != quota.min()) {
      sb.append(" min ").append(quota.min()).append(" -> ").append(suggestedMin);
    }
    if (suggestedMax != quota.max()) {
      sb.append(" max ").append(quota.max()).append(" -> ").append(suggestedMax);
    }
    return sb.toString();
  }
}
