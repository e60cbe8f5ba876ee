package org.polity.eligibility;

/**
 * Who may perform one action of a process: a function from what is known about a person to a {@link
 * Decision}. Rules are built from the blocks of {@link Rules} (age on a reference date, residence,
 * census membership, verification level) and composed with {@link Rules#allOf}, {@link Rules#anyOf}
 * and {@link Rules#not}; a deployment may write its own.
 *
 * <p>A rule must be a pure function of its arguments (plus, for census rules, the register it
 * consults): no clock of its own, no global state. It must not keep the evidence.
 */
@FunctionalInterface
public interface EligibilityRule {

  /**
   * Decides.
   *
   * @param evidence what is known about the person
   * @param context when, and in which time zone
   * @return the decision, with every reason when not eligible
   */
  Decision decide(Evidence evidence, EligibilityContext context);
}
