package org.polity.sortition;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many panel members must have a given value of a feature: at least {@code min}, at most {@code
 * max} (absolute numbers of seats). {@code minFlex} and {@code maxFlex}, when present, are the
 * outer bounds a suggested relaxation may reach if the quotas cannot be met ({@code minFlex <=
 * min}, {@code maxFlex >= max}); without them a relaxation may go down to 0 and up to the panel
 * size.
 *
 * <p>Use {@link #ofShares} for quotas stated as shares of the panel and {@link
 * Quotas#fromPopulation} to derive them from population statistics.
 *
 * @param feature the feature (column) name, e.g. {@code gender}
 * @param value the value, e.g. {@code female}
 * @param min minimum number of seats, {@code >= 0}
 * @param max maximum number of seats, {@code >= min}
 * @param minFlex lowest acceptable relaxed minimum, if set
 * @param maxFlex highest acceptable relaxed maximum, if set
 */
public record Quota(
    String feature, String value, int min, int max, OptionalInt minFlex, OptionalInt maxFlex) {

  /** Validates the bounds. */
  public Quota {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(minFlex, "minFlex");
    Objects.requireNonNull(maxFlex, "maxFlex");
    feature = feature.trim();
    value = value.trim();
    if (feature.isEmpty()) {
      throw new IllegalArgumentException("A quota needs a feature name (value '" + value + "').");
    }
    if (min < 0 || max < min) {
      throw new IllegalArgumentException(
          "Quota "
              + feature
              + "="
              + value
              + " has min "
              + min
              + " and max "
              + max
              + "; need 0 <= min <= max.");
    }
    if (minFlex.isPresent() && (minFlex.getAsInt() > min || minFlex.getAsInt() < 0)) {
      throw new IllegalArgumentException(
          "Quota "
              + feature
              + "="
              + value
              + " has min_flex "
              + minFlex.getAsInt()
              + " above its min "
              + min
              + " (or negative); min_flex must be in [0, min].");
    }
    if (maxFlex.isPresent() && maxFlex.getAsInt() < max) {
      throw new IllegalArgumentException(
          "Quota "
              + feature
              + "="
              + value
              + " has max_flex "
              + maxFlex.getAsInt()
              + " below its max "
              + max
              + "; max_flex must be >= max.");
    }
  }

  /**
   * A quota without relaxation bounds.
   *
   * @param feature feature name
   * @param value feature value
   * @param min minimum seats
   * @param max maximum seats
   * @return the quota
   */
  public static Quota of(String feature, String value, int min, int max) {
    return new Quota(feature, value, min, max, OptionalInt.empty(), OptionalInt.empty());
  }

  /**
   * A quota given as shares of the panel: {@code min = floor(minShare * panelSize)}, {@code max =
   * ceil(maxShare * panelSize)}.
   *
   * @param feature feature name
   * @param value feature value
   * @param minShare lowest share of seats, in [0, 1]
   * @param maxShare highest share of seats, in [minShare, 1]
   * @param panelSize number of seats
   * @return the absolute quota
   */
  public static Quota ofShares(
      String feature, String value, double minShare, double maxShare, int panelSize) {
    if (!(minShare >= 0 && minShare <= maxShare && maxShare <= 1) || panelSize <= 0) {
      throw new IllegalArgumentException(
          "Shares for "
              + feature
              + "="
              + value
              + " must satisfy 0 <= min ("
              + minShare
              + ") <= max ("
              + maxShare
              + ") <= 1 with a positive panel size ("
              + panelSize
              + ").");
    }
    int min = (int) Math.floor(minShare * panelSize + 1e-9);
    int max = (int) Math.ceil(maxShare * panelSize - 1e-9);
    return of(feature, value, min, Math.max(min, max));
  }

  /**
   * @return {@code feature=value}, for messages
   */
  public String label() {
    return feature + "=" + value;
  }

  /**
   * @return the lowest minimum a relaxation may use ({@code min_flex}, or 0)
   */
  public int lowestMin() {
    return minFlex.orElse(0);
  }

  /**
   * @param panelSize number of seats
   * @return the highest maximum a relaxation may use ({@code max_flex}, or the panel size)
   */
  public int highestMax(int panelSize) {
    return maxFlex.orElse(Math.max(max, panelSize));
  }
}
