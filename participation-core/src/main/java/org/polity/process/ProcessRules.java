package org.polity.process;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.Money;

/**
 * The rules of an edition, as data: its envelope, the maximum cost of one project, its themes, the
 * minimum age of authors and voters, and references to the ballot form and the counting rule
 * (defined in {@code org.polity.ballot} and {@code org.polity.counting}; referred to here by id).
 *
 * <pre>{@code
 * ProcessRules rules = ProcessRules.builder()
 *     .envelope(Envelope.perInhabitant(Money.of(15, "EUR"), 34_337))   // 515,055 EUR
 *     .maximumProjectCost(Money.of(165_000, "EUR"))
 *     .theme(new Theme("greenery", LocalizedText.of("en", "Greenery")))
 *     .minimumAge(10)
 *     .build();
 * }</pre>
 *
 * @param envelope the money shared
 * @param maximumProjectCost the most one project may cost, in the envelope's currency, if any
 * @param themes the themes projects may belong to, by id, in order; copied
 * @param minimumAge the minimum age of residents who submit or vote (0 for none)
 * @param ballotFormId the id of the edition's ballot form, if chosen yet
 * @param countingRuleId the id of the edition's counting rule, if chosen yet
 */
public record ProcessRules(
    Envelope envelope,
    Optional<Money> maximumProjectCost,
    Map<String, Theme> themes,
    int minimumAge,
    Optional<String> ballotFormId,
    Optional<String> countingRuleId) {

  /** Validates the rules and copies the themes. */
  public ProcessRules {
    Objects.requireNonNull(
        envelope,
        "The envelope is missing: use Envelope.fixed(...) or Envelope.perInhabitant(...).");
    Objects.requireNonNull(maximumProjectCost, "maximumProjectCost");
    Objects.requireNonNull(themes, "themes");
    Objects.requireNonNull(ballotFormId, "ballotFormId");
    Objects.requireNonNull(countingRuleId, "countingRuleId");
    maximumProjectCost.ifPresent(
        max -> {
          if (max.isNegative() || max.amount().signum() == 0) {
            throw new IllegalArgumentException(
                "The maximum project cost " + max + " is not positive: give an amount above zero.");
          }
          if (!max.currency().equals(envelope.amount().currency())) {
            throw new IllegalArgumentException(
                "The maximum project cost "
                    + max
                    + " is not in the envelope's currency ("
                    + envelope.amount().currency()
                    + "): use one currency.");
          }
        });
    if (minimumAge < 0 || minimumAge > 120) {
      throw new IllegalArgumentException(
          "The minimum age " + minimumAge + " is out of range: give an age from 0 to 120.");
    }
    Map<String, Theme> copy = new LinkedHashMap<>();
    themes.forEach(
        (id, theme) -> {
          if (!theme.id().equals(id)) {
            throw new IllegalArgumentException(
                "Theme '"
                    + theme.id()
                    + "' is filed under the key '"
                    + id
                    + "': use its id as key.");
          }
          copy.put(id, theme);
        });
    themes = Collections.unmodifiableMap(copy);
    ballotFormId.ifPresent(id -> requireNotBlank(id, "ballot form"));
    countingRuleId.ifPresent(id -> requireNotBlank(id, "counting rule"));
  }

  private static void requireNotBlank(String id, String what) {
    if (id.isBlank()) {
      throw new IllegalArgumentException(
          "The " + what + " id is blank: give an id or leave it out.");
    }
  }

  /**
   * A builder; the envelope is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these rules, to adjust them for another edition.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.envelope = envelope;
    builder.maximumProjectCost = maximumProjectCost.orElse(null);
    builder.themes.putAll(themes);
    builder.minimumAge = minimumAge;
    builder.ballotFormId = ballotFormId.orElse(null);
    builder.countingRuleId = countingRuleId.orElse(null);
    return builder;
  }

  /**
   * Whether a theme id is one of this edition's themes.
   *
   * @param themeId a theme id
   * @return true if known
   */
  public boolean hasTheme(String themeId) {
    return themes.containsKey(themeId);
  }

  /**
   * The themes in order.
   *
   * @return the themes
   */
  public List<Theme> themeList() {
    return List.copyOf(themes.values());
  }

  /** Builds {@link ProcessRules}; validation happens in {@link #build()}. */
  public static final class Builder {
    private Envelope envelope;
    private Money maximumProjectCost;
    private final Map<String, Theme> themes = new LinkedHashMap<>();
    private int minimumAge;
    private String ballotFormId;
    private String countingRuleId;

    private Builder() {}

    /**
     * Sets the envelope.
     *
     * @param envelope the envelope
     * @return this builder
     */
    public Builder envelope(Envelope envelope) {
      this.envelope = envelope;
      return this;
    }

    /**
     * Sets the maximum cost of one project.
     *
     * @param maximum the maximum, or null for none
     * @return this builder
     */
    public Builder maximumProjectCost(Money maximum) {
      this.maximumProjectCost = maximum;
      return this;
    }

    /**
     * Adds a theme; a theme with the same id is refused.
     *
     * @param theme the theme
     * @return this builder
     */
    public Builder theme(Theme theme) {
      if (themes.putIfAbsent(theme.id(), theme) != null) {
        throw new IllegalArgumentException(
            "Theme '" + theme.id() + "' is given twice: give each theme once.");
      }
      return this;
    }

    /**
     * Removes all themes (to choose new ones for an edition).
     *
     * @return this builder
     */
    public Builder clearThemes() {
      themes.clear();
      return this;
    }

    /**
     * Sets the minimum age.
     *
     * @param age the minimum age in years
     * @return this builder
     */
    public Builder minimumAge(int age) {
      this.minimumAge = age;
      return this;
    }

    /**
     * Sets the id of the ballot form (see {@code org.polity.ballot}).
     *
     * @param id the id, or null for none yet
     * @return this builder
     */
    public Builder ballotFormId(String id) {
      this.ballotFormId = id;
      return this;
    }

    /**
     * Sets the id of the counting rule (see {@code org.polity.counting}).
     *
     * @param id the id, or null for none yet
     * @return this builder
     */
    public Builder countingRuleId(String id) {
      this.countingRuleId = id;
      return this;
    }

    /**
     * Validates and builds the rules.
     *
     * @return the rules
     */
    public ProcessRules build() {
      return new ProcessRules(
          envelope,
          Optional.ofNullable(maximumProjectCost),
          themes,
          minimumAge,
          Optional.ofNullable(ballotFormId),
          Optional.ofNullable(countingRuleId));
    }
  }
}
