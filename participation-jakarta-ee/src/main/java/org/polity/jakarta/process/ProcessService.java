package org.polity.jakarta.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.eligibility.Decision;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.ParticipationAction;

/**
 * The application service of participatory processes: declare one (administrators), list and read
 * them, move their phases (administrators, under the phase guards), say whether a caller may take
 * an action, and make the moves the dates call for ({@link PhaseScheduler}). The REST resource
 * ({@link ProcessResource}) and a host portal call it the same way.
 *
 * <p>Outcomes are values: a missing process is {@link Refusal#notFound}, a guard's refusal is a
 * {@link Refusal.Kind#CONFLICT} with core's code, a caller without the role is {@link
 * Refusal.Kind#FORBIDDEN}. Malformed input (a definition, a phase that the process does not have)
 * throws {@link InvalidInputException}, as the codecs do. Phase moves fire {@link
 * org.polity.jakarta.events.PhaseOpened} after the commit ({@link Processes}, the machinery shared
 * with {@link org.polity.jakarta.project.ProjectService}).
 */
@ApplicationScoped
public class ProcessService {

  @Inject Processes processes;
  @Inject EligibilityService eligibility;
  @Inject ParticipantKeyer keyer;

  /** Creates the service; CDI calls it. */
  public ProcessService() {}

  /**
   * A declared process.
   *
   * @param process the process as stored
   * @param created whether it is new (false: its definition was replaced, or was the same)
   */
  public record Declaration(Processes.Loaded process, boolean created) {}

  /**
   * Declares a process, or replaces its definition until it starts (administrators).
   *
   * @param caller an administrator
   * @param id the process
   * @param definition the definition ({@link ProcessDocuments})
   * @return the process; refused with {@code process-started} or {@code budget-of-another-process}
   *     (409)
   * @throws InvalidInputException for a malformed definition
   */
  public Result<Declaration> declare(Caller caller, ProcessId id, JsonObject definition) {
    Optional<Refusal> forbidden = require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<Processes.Declared> declared = processes.attemptDeclare(id, definition);
    if (declared.refusal().isPresent()) {
      return Result.refused(declared.refusal().get());
    }
    boolean created = declared.orElseThrow().created();
    return read(id).map(loaded -> new Declaration(loaded, created));
  }

  /**
   * Every process, sorted by id.
   *
   * @return the processes
   */
  public List<Processes.Loaded> list() {
    List<Processes.Loaded> all = new ArrayList<>();
    for (ProcessId id : processes.ids()) {
      processes.find(id, Function.<Processes.Loaded>identity()).map(all::add);
    }
    return all;
  }

  /**
   * A process.
   *
   * @param id the process
   * @return the process, or {@code not-found}
   */
  public Result<Processes.Loaded> read(ProcessId id) {
    return processes.find(id, Function.identity());
  }

  /**
   * Opens a phase (administrators): the named one, or the next one.
   *
   * @param caller an administrator (recorded as the move's actor)
   * @param id the process
   * @param phase the phase to open, or empty for the next one
   * @param why the public reason
   * @return the process after the move; refused by a guard (409: reviews pending, empty ballot)
   * @throws InvalidInputException when the process has no such phase
   */
  public Result<Processes.Loaded> move(
      Caller caller, ProcessId id, Optional<String> phase, LocalizedText why) {
    Optional<Refusal> forbidden = require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    String actor = caller.name().orElseThrow();
    Result<?> moved =
        processes.attempt(
            id,
            null,
            0,
            (em, loaded) -> {
              if (phase.isEmpty()) {
                return loaded.calendar().advance(actor, why);
              }
              if (loaded.process().phase(phase.get()).isEmpty()) {
                throw InvalidInputException.of(
                    "phase",
                    "Process "
                        + id
                        + " has no phase '"
                        + phase.get()
                        + "': use one of "
                        + loaded.process().phaseIds()
                        + ".");
              }
              return loaded.calendar().open(phase.get(), actor, why);
            });
    if (moved.refusal().isPresent()) {
      return Result.refused(moved.refusal().get());
    }
    return read(id);
  }

  /**
   * Whether the caller may take an action in the process now, under its eligibility rules; with a
   * budget, under the process's rules and the budget's own.
   *
   * @param caller a signed-in participant
   * @param id the process
   * @param action the action
   * @param budget one of the process's budgets, or empty for the process-wide rule
   * @return the decision; refused with {@code identity-not-usable} (422) when the caller's identity
   *     cannot be keyed
   * @throws InvalidInputException when the process has no such budget
   */
  public Result<Decision> eligibility(
      Caller caller, ProcessId id, ParticipationAction action, Optional<BudgetId> budget) {
    Optional<Refusal> forbidden = require(caller, PolityRole.PARTICIPANT);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<ProcessDefinition> found = processes.find(id, Processes.Loaded::definition);
    if (found.refusal().isPresent()) {
      return Result.refused(found.refusal().get());
    }
    ProcessDefinition definition = found.orElseThrow();
    if (budget.isPresent() && !definition.budgets().contains(budget.get())) {
      throw InvalidInputException.of(
          "budget",
          "Process "
              + id
              + " has no budget '"
              + budget.get()
              + "': use one of "
              + definition.budgets()
              + ".");
    }
    return decide(caller, definition, action, budget);
  }

  /**
   * The caller's eligibility for an action (no role check: the caller is signed in).
   *
   * @param caller the caller
   * @param definition the process
   * @param action the action
   * @param budget a budget of the process, or empty
   * @return the decision, or {@code identity-not-usable} (422)
   */
  public Result<Decision> decide(
      Caller caller,
      ProcessDefinition definition,
      ParticipationAction action,
      Optional<BudgetId> budget) {
    return budget.isPresent()
        ? eligibility.decide(definition, budget.get(), action, caller)
        : eligibility.decide(definition, action, caller);
  }

  /**
   * Makes, stores and announces the phase moves that the dates call for, in every process that
   * follows its dates ({@link PhaseScheduler} calls it periodically).
   *
   * @return the processes in which a phase was due
   */
  public List<ProcessId> advanceByDates() {
    return processes.advanceByDates();
  }

  /**
   * The refusal {@code not-allowed} (403) unless the caller has one of the roles.
   *
   * @param caller the caller
   * @param roles the roles that may
   * @return the refusal, or empty when allowed
   */
  public static Optional<Refusal> require(Caller caller, PolityRole... roles) {
    if (caller.name().isPresent() && caller.hasAny(roles)) {
      return Optional.empty();
    }
    return Optional.of(
        Refusal.of(
            Refusal.Kind.FORBIDDEN,
            "not-allowed",
            Processes.TEXTS.text(
                "not-allowed",
                String.join(", ", Arrays.stream(roles).map(PolityRole::roleName).toList()))));
  }
}
