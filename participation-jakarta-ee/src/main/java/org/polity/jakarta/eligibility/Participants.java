package org.polity.jakarta.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import org.polity.common.BudgetId;
import org.polity.eligibility.Decision;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessDefinition;
import org.polity.jakarta.security.Caller;
import org.polity.process.ParticipationAction;

/**
 * The signed-in participant as REST resources see them, from a JAX-RS {@code SecurityContext}: a
 * bridge to {@link EligibilityService}, which takes a {@link Caller} and returns values. New code
 * calls {@link EligibilityService}; these methods stay for the resources that still pass a {@code
 * SecurityContext} and answer with the same problem documents as before (403 {@code not-eligible}
 * or 422 {@code eligibility-unresolved} with the decision's members, 422 {@code
 * identity-not-usable}, 422 {@code budget-without-process}).
 */
@ApplicationScoped
public class Participants {

  @Inject EligibilityService eligibility;

  /** Creates the bean; CDI calls it. */
  public Participants() {}

  /**
   * The caller's participant key.
   *
   * @param security the caller, signed in
   * @return the key
   * @throws org.polity.jakarta.problem.RefusedException 422 when the portal's identity cannot be
   *     keyed
   */
  public ParticipantKey key(SecurityContext security) {
    return eligibility.key(Caller.of(security)).orElseThrow();
  }

  /**
   * The caller's eligibility for an action of a process.
   *
   * @param definition the process
   * @param action the action
   * @param security the caller
   * @return the decision
   */
  public Decision decide(
      ProcessDefinition definition, ParticipationAction action, SecurityContext security) {
    return eligibility.decide(definition, action, Caller.of(security)).orElseThrow();
  }

  /**
   * The caller's eligibility for an action on one budget of a process: the process's rule and the
   * budget's own rule, when it has one ({@link ProcessDefinition#policy(BudgetId)}).
   *
   * @param definition the process
   * @param budget one of its budgets
   * @param action the action
   * @param security the caller
   * @return the decision
   */
  public Decision decide(
      ProcessDefinition definition,
      BudgetId budget,
      ParticipationAction action,
      SecurityContext security) {
    return eligibility.decide(definition, budget, action, Caller.of(security)).orElseThrow();
  }

  /**
   * Refuses unless the caller may perform the action.
   *
   * @param definition the process
   * @param action the action
   * @param security the caller
   * @param headers the request (language of the refusal)
   * @throws org.polity.jakarta.problem.ProblemException 403 or 422 with the reasons and remedies
   */
  public void requireEligible(
      ProcessDefinition definition,
      ParticipationAction action,
      SecurityContext security,
      HttpHeaders headers) {
    Decision decision = decide(definition, action, security);
    if (!decision.isEligible()) {
      throw DecisionJson.refusal(action, decision, Languages.of(headers));
    }
  }

  /**
   * Refuses a ballot unless the caller may vote on the budget ({@link
   * EligibilityService#requireEligibleToVote}).
   *
   * @param budget the budget
   * @param security the caller
   * @param headers the request (language of the refusal)
   */
  public void requireEligibleToVote(
      BudgetId budget, SecurityContext security, HttpHeaders headers) {
    requireEligibleToVote(budget, security, null, headers);
  }

  /**
   * {@link #requireEligibleToVote(BudgetId, SecurityContext, HttpHeaders)} with the caller's key
   * already computed (the cast path needs it anyway: one HMAC per ballot instead of two).
   *
   * @param budget the budget
   * @param security the caller
   * @param key the caller's participant key ({@link #key}); null to compute it here
   * @param headers the request (language of the refusal)
   */
  public void requireEligibleToVote(
      BudgetId budget, SecurityContext security, ParticipantKey key, HttpHeaders headers) {
    Result<ParticipantKey> eligible =
        eligibility.requireEligibleToVote(budget, Caller.of(security), key, Languages.of(headers));
    if (eligible.refusal().isPresent()) {
      throw DecisionJson.problem(eligible.refusal().get(), Languages.of(headers));
    }
  }

  /**
   * {@link #requireEligibleToVote(BudgetId, SecurityContext, ParticipantKey, HttpHeaders)} for a
   * {@link Caller}, as the voting service has it (no JAX-RS type).
   *
   * @param budget the budget
   * @param caller the caller, signed in
   * @param key the caller's participant key
   * @param language the language of the refusal
   */
  public void requireEligibleToVote(
      BudgetId budget, Caller caller, ParticipantKey key, java.util.Locale language) {
    Result<ParticipantKey> eligible =
        eligibility.requireEligibleToVote(budget, caller, key, language);
    if (eligible.refusal().isPresent()) {
      throw DecisionJson.problem(eligible.refusal().get(), language);
    }
  }
}
