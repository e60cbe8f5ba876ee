package org.polity.eligibility;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.polity.process.ParticipationAction;

/**
 * The eligibility rules of a process: one rule per {@link ParticipationAction}. An action without a
 * rule is open to no one ({@link ReasonCode#NOT_ALLOWED}).
 *
 * <pre>{@code
 * EligibilityPolicy policy = EligibilityPolicy.builder()
 *     .rule(ParticipationAction.SUBMIT, residentsFrom10)
 *     .rule(ParticipationAction.VOTE, residentsFrom10)
 *     .rule(ParticipationAction.SEE_RESULTS, Rules.everyone())
 *     .build();
 * Decision decision = policy.decide(ParticipationAction.VOTE, evidence, context);
 * }</pre>
 *
 * @param rules the rule per action
 */
public record EligibilityPolicy(Map<ParticipationAction, EligibilityRule> rules) {

  /** Copies the map. */
  public EligibilityPolicy {
    Objects.requireNonNull(rules, "rules");
    EnumMap<ParticipationAction, EligibilityRule> copy = new EnumMap<>(ParticipationAction.class);
    rules.forEach(
        (action, rule) -> copy.put(Objects.requireNonNull(action), Objects.requireNonNull(rule)));
    rules = Collections.unmodifiableMap(copy);
  }

  /**
   * Decides whether a person may perform an action.
   *
   * @param action the action
   * @param evidence what is known about the person
   * @param context when, and in which zone
   * @return the decision
   */
  public Decision decide(
      ParticipationAction action, Evidence evidence, EligibilityContext context) {
    return rules
        .getOrDefault(Objects.requireNonNull(action, "action"), Rules.nobody())
        .decide(evidence, context);
  }

  /**
   * @return a builder with no rule
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EligibilityPolicy}. */
  public static final class Builder {
    private final Map<ParticipationAction, EligibilityRule> rules =
        new EnumMap<>(ParticipationAction.class);

    private Builder() {}

    /**
     * Sets the rule of an action.
     *
     * @param action the action
     * @param rule who may perform it
     * @return this builder
     */
    public Builder rule(ParticipationAction action, EligibilityRule rule) {
      if (rules.put(Objects.requireNonNull(action, "action"), Objects.requireNonNull(rule, "rule"))
          != null) {
        throw new IllegalArgumentException(
            "The action " + action + " already has a rule: combine rules with Rules.allOf/anyOf.");
      }
      return this;
    }

    /**
     * @return the policy
     */
    public EligibilityPolicy build() {
      return new EligibilityPolicy(rules);
    }
  }
}
