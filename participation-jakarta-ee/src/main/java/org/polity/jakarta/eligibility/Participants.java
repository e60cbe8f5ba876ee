package org.polity.jakarta.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.eligibility.Decision;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.Mode;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.problem.RefusalException;
import org.polity.jakarta.process.ProcessDefinition;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.process.ParticipationAction;

/**
 * The signed-in participant as the resources need them: their participant key, and whether a
 * process's eligibility rules let them act.
 */
@ApplicationScoped
public class Participants {

  @Inject ParticipantKeyer keyer;
  @Inject EligibilityService eligibility;
  @Inject Processes processes;
  @Inject PolitySettings settings;

  /** Creates the bean; CDI calls it. */
  public Participants() {}

  /**
   * The caller's participant key.
   *
   * @param security the caller, signed in
   * @return the key
   * @throws RefusalException 422 when the portal's identity cannot be keyed
   */
  public ParticipantKey key(SecurityContext security) {
    try {
      return keyer.key(security.getUserPrincipal().getName());
    } catch (IllegalArgumentException e) {
      throw new RefusalException(
          "identity-not-usable",
          422,
          "Your portal identity cannot be turned into a participant key: " + e.getMessage());
    }
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
    return eligibility.decide(
        definition.policy(),
        definition.process().zone(),
        action,
        security.getUserPrincipal(),
        key(security));
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
    return eligibility.decide(
        definition.policy(budget),
        definition.process().zone(),
        action,
        security.getUserPrincipal(),
        key(security));
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
   * Refuses a ballot unless the caller may vote under the rules of the budget's process, combined
   * with the budget's own rules when it has some ({@link ProcessDefinition#policy(BudgetId)}, built
   * once per definition, so no more work per ballot than the process's rule alone). A budget that
   * no process declares has no rule saying who may vote: refused in production (422 {@code
   * budget-without-process}); allowed in development mode, so that the API can be tried on a bare
   * vote.
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
    requireEligibleToVote(
        budget,
        security.getUserPrincipal(),
        key != null ? key : key(security),
        Languages.of(headers));
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
      BudgetId budget, Caller caller, ParticipantKey key, Locale language) {
    requireEligibleToVote(budget, caller.principal().orElseThrow(), key, language);
  }

  private void requireEligibleToVote(
      BudgetId budget, Principal user, ParticipantKey key, Locale language) {
    Optional<ProcessDefinition> process = processes.ofBudget(budget);
    if (process.isEmpty()) {
      if (settings.mode() == Mode.DEVELOPMENT) {
        return;
      }
      throw new RefusalException(
          "budget-without-process",
          422,
          "Budget "
              + budget
              + " belongs to no"
              + " process, so no eligibility rule says who may vote on it: an administrator declares the"
              + " process with this budget and its rules (PUT /api/v1/processes/{id}).");
    }
    ProcessDefinition definition = process.get();
    Decision decision =
        eligibility.decide(
            definition.policy(budget),
            definition.process().zone(),
            ParticipationAction.VOTE,
            user,
            key);
    if (!decision.isEligible()) {
      throw DecisionJson.refusal(ParticipationAction.VOTE, decision, language);
    }
  }
}
