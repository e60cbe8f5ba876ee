package org.polity.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;

/**
 * The life of a process over time: which phase is current, whether an action is allowed now, and
 * the history of phase moves. Time comes only from the injected {@link Clock}.
 *
 * <p>With {@link PhaseProgression#BY_DATES} the calendar follows the dates: each time it is
 * consulted, it opens every phase whose start has come, in order, asking the {@link PhaseGuard}s
 * before each. A refused move is <em>held</em>: the previous phase stays current (even past its
 * closing date) and {@link #hold()} says why, until the guard passes. Between two phases (a gap in
 * the dates) and after the last closing date no phase is current. Moves by the dates are recorded
 * when they are applied, that is when the calendar is next consulted; an application that wants
 * them recorded on time calls {@link #refresh()} from a scheduler.
 *
 * <p>With {@link PhaseProgression#BY_STAFF}, and in both modes when staff want to move earlier,
 * {@link #advance} and {@link #open} move forward (never back), through the same guards. Every move
 * is recorded with who, when and why.
 *
 * <p>Instances are thread-safe. A refused move changes nothing.
 */
public final class PhaseCalendar {

  private static final Texts TEXTS = Texts.of(PhaseCalendar.class);

  private final ParticipatoryProcess process;
  private final Clock clock;
  private final List<PhaseGuard> guards;
  private final List<PhaseMove> history = new ArrayList<>();
  private int currentIndex = -1;
  private Refusal hold;

  /**
   * A calendar at the start of a process (no phase moved yet).
   *
   * @param process the process
   * @param clock the clock that says what time it is
   * @param guards the guards asked before each move, in order
   */
  public PhaseCalendar(ParticipatoryProcess process, Clock clock, List<PhaseGuard> guards) {
    this.process = Objects.requireNonNull(process, "process");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.guards = List.copyOf(Objects.requireNonNull(guards, "guards"));
  }

  /**
   * A calendar resumed from its recorded history (for example read back from a database): the moves
   * are taken as they were recorded, and the last one's phase is the current one. Moves the dates
   * call for since are applied when the calendar is next consulted.
   *
   * @param process the process
   * @param clock the clock that says what time it is
   * @param guards the guards asked before each further move, in order
   * @param history the moves recorded so far, oldest first
   * @throws IllegalArgumentException if a move names a phase the process does not have, or the
   *     moves do not go forward
   */
  public PhaseCalendar(
      ParticipatoryProcess process, Clock clock, List<PhaseGuard> guards, List<PhaseMove> history) {
    this(process, clock, guards);
    for (PhaseMove move : List.copyOf(history)) {
      int index = process.indexOf(move.to());
      if (index <= currentIndex) {
        throw new IllegalArgumentException(
            "The recorded move to phase '"
                + move.to()
                + "' at "
                + move.at()
                + " does not go forward from phase '"
                + process.phases().get(currentIndex).id()
                + "': phases only move forward; check the stored history.");
      }
      this.history.add(move);
      currentIndex = index;
    }
  }

  /**
   * The process this calendar follows.
   *
   * @return the process
   */
  public ParticipatoryProcess process() {
    return process;
  }

  /**
   * Applies the moves that the dates call for now (with {@link PhaseProgression#BY_DATES}); does
   * nothing with {@link PhaseProgression#BY_STAFF}. Every query does this first.
   */
  public synchronized void refresh() {
    if (process.progression() != PhaseProgression.BY_DATES) {
      return;
    }
    Instant now = clock.instant();
    int due = dueIndex(now);
    hold = null;
    while (currentIndex < due) {
      Phase next = process.phases().get(currentIndex + 1);
      Optional<Refusal> refusal = guard(next);
      if (refusal.isPresent()) {
        hold = refusal.get();
        return;
      }
      record(
          next,
          currentIndex + 1,
          now,
          PhaseMove.DATES,
          TEXTS.text("move.byDates"),
          PhaseMove.Trigger.DATES);
    }
  }

  /**
   * The current phase: the last one opened, unless its dates say it has closed and no later phase
   * has opened (then none is current).
   *
   * @return the current phase, or empty before the first phase, between phases and after the last
   */
  public synchronized Optional<Phase> current() {
    refresh();
    if (currentIndex < 0) {
      return Optional.empty();
    }
    if (process.progression() == PhaseProgression.BY_DATES && hold == null) {
      Optional<Instant> end = process.phases().get(currentIndex).dates().closesAt(process.zone());
      if (end.isPresent() && !clock.instant().isBefore(end.get())) {
        return Optional.empty();
      }
    }
    return Optional.of(process.phases().get(currentIndex));
  }

  /**
   * The index of the last phase opened (it may have closed by its dates since).
   *
   * @return the index, or -1 before the first phase
   */
  public synchronized int currentIndex() {
    refresh();
    return currentIndex;
  }

  /**
   * Why the dates call for a move that a guard refuses, if so.
   *
   * @return the refusal holding the process in its current phase, or empty
   */
  public synchronized Optional<Refusal> hold() {
    refresh();
    return Optional.ofNullable(hold);
  }

  /**
   * Whether an action is allowed now.
   *
   * @param action the action
   * @return true if the current phase allows it
   */
  public boolean isAllowed(ParticipationAction action) {
    return check(action).isDone();
  }

  /**
   * Whether an action is allowed now, with the reason when it is not.
   *
   * @param action the action
   * @return the current phase if it allows the action, otherwise a refusal naming the current phase
   *     and the phases that allow the action
   */
  public synchronized Outcome<Phase> check(ParticipationAction action) {
    Objects.requireNonNull(action, "action");
    Optional<Phase> current = current();
    LocalizedText actionName = TEXTS.text("action." + action.name());
    List<Object> allowing = new ArrayList<>();
    for (Phase phase : process.phases()) {
      if (phase.allows(action)) {
        allowing.add(name(phase));
      }
    }
    if (current.isEmpty()) {
      return Outcome.refused(
          new Refusal(
              "process.no-phase-open",
              TEXTS.text("refusal.noPhaseOpen", actionName, Texts.list(allowing))));
    }
    Phase phase = current.get();
    if (!phase.allows(action)) {
      return Outcome.refused(
          new Refusal(
              "process.action-not-allowed",
              TEXTS.text(
                  "refusal.actionNotAllowed", actionName, name(phase), Texts.list(allowing))));
    }
    return Outcome.done(phase);
  }

  /**
   * Opens the next phase, by staff.
   *
   * @param actor who moves (a staff reference)
   * @param why the public reason
   * @return the phase opened, or a refusal (after the last phase, or refused by a guard)
   */
  public synchronized Outcome<Phase> advance(String actor, LocalizedText why) {
    refresh();
    if (currentIndex + 1 >= process.phases().size()) {
      return Outcome.refused(
          new Refusal("process.no-next-phase", TEXTS.text("refusal.noNextPhase")));
    }
    return open(process.phases().get(currentIndex + 1).id(), actor, why);
  }

  /**
   * Opens a later phase, by staff, skipping the phases in between.
   *
   * @param phaseId the phase to open; a phase of this process
   * @param actor who moves (a staff reference)
   * @param why the public reason
   * @return the phase opened, or a refusal (not a later phase, or refused by a guard)
   * @throws IllegalArgumentException if the process has no such phase, or actor or why is missing
   */
  public synchronized Outcome<Phase> open(String phaseId, String actor, LocalizedText why) {
    int target = process.indexOf(phaseId);
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException(
          "The actor is blank: name who opens phase '" + phaseId + "'.");
    }
    Objects.requireNonNull(why, () -> "The reason for opening phase '" + phaseId + "' is missing.");
    refresh();
    Phase phase = process.phases().get(target);
    if (target <= currentIndex) {
      Phase current = process.phases().get(currentIndex);
      return Outcome.refused(
          new Refusal(
              "process.phase-not-ahead",
              TEXTS.text("refusal.phaseNotAhead", name(phase), name(current))));
    }
    Optional<Refusal> refusal = guard(phase);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    record(phase, target, clock.instant(), actor, why, PhaseMove.Trigger.STAFF);
    hold = null;
    return Outcome.done(phase);
  }

  /**
   * Whether a phase has opened (it may have closed since).
   *
   * @param phaseId a phase of this process
   * @return true once the process has reached that phase or a later one
   */
  public synchronized boolean hasOpened(String phaseId) {
    return currentIndex() >= process.indexOf(phaseId);
  }

  /**
   * Whether a phase is over: a later phase has opened, or its closing date has passed.
   *
   * @param phaseId a phase of this process
   * @return true once the phase is behind
   */
  public synchronized boolean hasClosed(String phaseId) {
    int index = process.indexOf(phaseId);
    int current = currentIndex();
    return current > index || (current == index && current().isEmpty());
  }

  /**
   * The history of phase moves, oldest first.
   *
   * @return an immutable copy
   */
  public synchronized List<PhaseMove> history() {
    refresh();
    return List.copyOf(history);
  }

  private static Function<Locale, String> name(Phase phase) {
    return phase::displayName;
  }

  private int dueIndex(Instant now) {
    int due = -1;
    for (int i = 0; i < process.phases().size(); i++) {
      Optional<Instant> start = process.scheduledStart(i);
      if (start.isPresent() && !start.get().isAfter(now)) {
        due = i;
      }
    }
    return due;
  }

  private Optional<Refusal> guard(Phase next) {
    Optional<Phase> from =
        currentIndex < 0 ? Optional.empty() : Optional.of(process.phases().get(currentIndex));
    for (PhaseGuard guard : guards) {
      Optional<Refusal> refusal = guard.check(from, next);
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private void record(
      Phase next,
      int index,
      Instant at,
      String actor,
      LocalizedText why,
      PhaseMove.Trigger trigger) {
    String from = currentIndex < 0 ? null : process.phases().get(currentIndex).id();
    history.add(new PhaseMove(from, next.id(), at, actor, why, trigger));
    currentIndex = index;
  }
}
