package org.polity.jakarta.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.common.Texts;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.Decision;
import org.polity.eligibility.DeskAttestation;
import org.polity.eligibility.EligibilityContext;
import org.polity.eligibility.EligibilityPolicy;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.Mode;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessDefinition;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.process.ParticipationAction;

/**
 * The application service of eligibility: decides whether a caller may perform an action under a
 * process's policy (and a budget's own rule), from the evidence of the host's {@link
 * EvidenceProvider}. Nothing about the person is kept. REST resources, portal pages and a host
 * portal's own code call it with a {@link Caller}.
 *
 * <p>Where the evidence comes from, first that applies: the portal's {@link EvidenceProvider} CDI
 * bean; the principal itself when it implements {@link EvidenceProvider} (the development sign-in);
 * otherwise the sign-in alone, as a {@link VerificationLevel#SELF_DECLARED self-declared} identity,
 * so that rules asking for a verified identity, age or address refuse with a remedy rather than
 * admit by default.
 *
 * <p>Outcomes are values: {@link #decide} gives core's {@link Decision}; the {@code require…}
 * methods give a {@link Refusal} when the caller may not act: 403 {@code not-eligible} when the
 * known facts do not qualify, 422 {@code eligibility-unresolved} when evidence is missing, pending,
 * expired or incomplete, with the decision's reasons and remedies as extension members ({@link
 * DecisionJson#refusalOf}); 422 {@code identity-not-usable} when the caller cannot be keyed; 422
 * {@code budget-without-process} for a vote on a budget that no process declares (allowed in
 * development mode).
 */
@ApplicationScoped
public class EligibilityService {

  private static final Texts TEXTS = Texts.of(EligibilityService.class);

  @Inject Instance<EvidenceProvider> providers;
  @Inject ParticipantKeyer keyer;
  @Inject Processes processes;
  @Inject PolitySettings settings;
  @Inject Clock clock;

  /** Creates the service; CDI calls it. */
  public EligibilityService() {}

  /**
   * The caller's participant key.
   *
   * @param caller the caller, signed in
   * @return the key; refused with 422 {@code identity-not-usable} for an anonymous caller or an
   *     identity that cannot be keyed
   */
  public Result<ParticipantKey> key(Caller caller) {
    if (caller.name().isEmpty()) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.RULE, "identity-not-usable", TEXTS.text("eligibility.not-signed-in")));
    }
    try {
      return Result.ok(keyer.key(caller.name().get()));
    } catch (IllegalArgumentException e) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.RULE,
              "identity-not-usable",
              TEXTS.text("eligibility.identity-not-usable", String.valueOf(e.getMessage()))));
    }
  }

  /**
   * The caller's eligibility for an action of a process.
   *
   * @param definition the process
   * @param action the action
   * @param caller the caller, signed in
   * @return the decision, eligible or not; refused only when the caller cannot be keyed
   */
  public Result<Decision> decide(
      ProcessDefinition definition, ParticipationAction action, Caller caller) {
    return decide(definition.policy(), definition.process().zone(), action, caller, null);
  }

  /**
   * The caller's eligibility for an action on one budget of a process: the process's rule and the
   * budget's own rule, when it has one ({@link ProcessDefinition#policy(BudgetId)}).
   *
   * @param definition the process
   * @param budget one of its budgets
   * @param action the action
   * @param caller the caller, signed in
   * @return the decision, eligible or not; refused only when the caller cannot be keyed
   */
  public Result<Decision> decide(
      ProcessDefinition definition, BudgetId budget, ParticipationAction action, Caller caller) {
    return decide(definition.policy(budget), definition.process().zone(), action, caller, null);
  }

  /**
   * The caller's decision, or the refusal to answer when they may not act.
   *
   * @param definition the process
   * @param action the action
   * @param caller the caller, signed in
   * @param language the language of the refusal's extension members (the reasons and remedies)
   * @return the eligible decision; refused with 403 or 422 and the reasons and remedies
   */
  public Result<Decision> requireEligible(
      ProcessDefinition definition, ParticipationAction action, Caller caller, Locale language) {
    return require(decide(definition, action, caller), action, language);
  }

  /**
   * Whether the caller may vote on a budget under the rules of its process, combined with the
   * budget's own rules when it has some ({@link ProcessDefinition#policy(BudgetId)}, built once per
   * definition, so no more work per ballot than the process's rule alone). A budget that no process
   * declares has no rule saying who may vote: refused in production (422 {@code
   * budget-without-process}); allowed in development mode, so that the API can be tried on a bare
   * vote.
   *
   * @param budget the budget
   * @param caller the caller, signed in
   * @param key the caller's participant key ({@link #key}), or null to compute it here (the cast
   *     path has it already: one HMAC per ballot instead of two)
   * @param language the language of the refusal's extension members
   * @return the caller's participant key; or the refusal
   */
  public Result<ParticipantKey> requireEligibleToVote(
      BudgetId budget, Caller caller, ParticipantKey key, Locale language) {
    Result<ParticipantKey> keyed = key != null ? Result.ok(key) : key(caller);
    if (keyed.refusal().isPresent()) {
      return keyed;
    }
    Optional<ProcessDefinition> process = processes.ofBudget(budget);
    if (process.isEmpty()) {
      if (settings.mode() == Mode.DEVELOPMENT) {
        return keyed;
      }
      return Result.refused(
          Refusal.of(
              Refusal.Kind.RULE,
              "budget-without-process",
              TEXTS.text("eligibility.budget-without-process", budget.value())));
    }
    ProcessDefinition definition = process.get();
    Result<Decision> decision =
        decide(
            definition.policy(budget),
            definition.process().zone(),
            ParticipationAction.VOTE,
            caller,
            keyed.orElseThrow());
    return require(decision, ParticipationAction.VOTE, language)
        .map(eligible -> keyed.orElseThrow());
  }

  /**
   * Whether a resident whose paper ballot a desk encoder is encoding may vote on a budget, from
   * what the encoder attests ({@link DeskAttestation}): the same rule as online ({@link
   * ProcessDefinition#policy(BudgetId)}), applied to the attested evidence. A budget that no
   * process declares: as {@link #requireEligibleToVote}.
   *
   * @param budget the budget
   * @param resident the resident's key (from the identifier on the paper ballot)
   * @param attested what the encoder checked
   * @param language the language of the refusal's extension members
   * @return the resident's key; or the refusal (403 {@code not-eligible}, 422 {@code
   *     eligibility-unresolved} naming what the encoder must check, 422 {@code
   *     budget-without-process})
   */
  public Result<ParticipantKey> requireEligibleAtDesk(
      BudgetId budget, ParticipantKey resident, DeskAttestation attested, Locale language) {
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(attested, "attested");
    Optional<ProcessDefinition> process = processes.ofBudget(budget);
    if (process.isEmpty()) {
      if (settings.mode() == Mode.DEVELOPMENT) {
        return Result.ok(resident);
      }
      return Result.refused(
          Refusal.of(
              Refusal.Kind.RULE,
              "budget-without-process",
              TEXTS.text("eligibility.budget-without-process", budget.value())));
    }
    ProcessDefinition definition = process.get();
    Decision decision =
        attested.decide(
            definition.policy(budget),
            ParticipationAction.VOTE,
            resident,
            EligibilityContext.at(clock.instant(), definition.process().zone()));
    return require(Result.ok(decision), ParticipationAction.VOTE, language).map(ok -> resident);
  }

  /**
   * Whether a resident served at a desk may take an action of a process (such as {@code SUBMIT} or
   * {@code BE_DRAWN}), from what the staff member attests ({@link DeskAttestation}): the process's
   * rule for the action, applied to the attested evidence exactly as {@link
   * #requireEligibleAtDesk(BudgetId, ParticipantKey, DeskAttestation, Locale)} does for a paper
   * ballot.
   *
   * @param definition the process
   * @param action the action
   * @param resident the resident's key
   * @param attested what the staff member checked
   * @param language the language of the refusal's extension members
   * @return the eligible decision; or the refusal (403 {@code not-eligible}, 422 {@code
   *     eligibility-unresolved} naming what the staff member must check)
   */
  public Result<Decision> requireEligibleAtDesk(
      ProcessDefinition definition,
      ParticipationAction action,
      ParticipantKey resident,
      DeskAttestation attested,
      Locale language) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(attested, "attested");
    Decision decision =
        attested.decide(
            definition.policy(),
            action,
            resident,
            EligibilityContext.at(clock.instant(), definition.process().zone()));
    return require(Result.ok(decision), action, language);
  }

  private Result<Decision> decide(
      EligibilityPolicy policy,
      ZoneId zone,
      ParticipationAction action,
      Caller caller,
      ParticipantKey known) {
    Result<ParticipantKey> key = known != null ? Result.ok(known) : key(caller);
    return key.map(
        participant -> decide(policy, zone, action, caller.principal().orElseThrow(), participant));
  }

  private static Result<Decision> require(
      Result<Decision> decision, ParticipationAction action, Locale language) {
    if (decision.refusal().isPresent() || decision.orElseThrow().isEligible()) {
      return decision;
    }
    return Result.refused(DecisionJson.refusalOf(action, decision.orElseThrow(), language));
  }

  /**
   * The evidence about a signed-in person.
   *
   * @param user the principal
   * @param participant their participant key
   * @return the evidence
   */
  public Evidence evidence(Principal user, ParticipantKey participant) {
    Objects.requireNonNull(user, "user");
    if (providers != null && providers.isResolvable()) {
      return providers.get().evidence(user, participant);
    }
    if (providers != null && providers.isAmbiguous()) {
      throw new IllegalStateException(
          "Several EvidenceProvider beans are declared ("
              + providers.handlesStream().map(h -> h.getBean().getBeanClass().getName()).toList()
              + "): declare one, or mark the one to use with @Priority and @Alternative.");
    }
    if (user instanceof EvidenceProvider carried) {
      return carried.evidence(user, participant);
    }
    return Evidence.none()
        .withIdentity(
            Attestation.of(participant, VerificationLevel.SELF_DECLARED, clock.instant()));
  }

  /**
   * Decides for the signed-in person.
   *
   * @param policy the process's policy
   * @param zone the process's time zone (for ages on the day of the decision)
   * @param action the action
   * @param user the principal
   * @param participant their participant key
   * @return the decision
   */
  public Decision decide(
      EligibilityPolicy policy,
      ZoneId zone,
      ParticipationAction action,
      Principal user,
      ParticipantKey participant) {
    return policy.decide(
        action, evidence(user, participant), EligibilityContext.at(clock.instant(), zone));
  }
}
