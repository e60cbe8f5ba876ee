package org.polity.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;

/**
 * The definition of a participatory process (an edition of a participatory budget, a consultation,
 * an assembly): its id, kind, title, territory, time zone, rules (with the themes) and its ordered
 * phases. It is an immutable value; what happens over time (the current phase, the history of
 * moves) is kept by a {@link PhaseCalendar}.
 *
 * <p>The phases must be in order: each phase opens no earlier than the previous one closes (when
 * both dates are given), and with {@link PhaseProgression#BY_DATES} the first phase has an opening
 * date and every phase can be placed in time (its own opening date, or the previous closing date).
 *
 * <pre>{@code
 * ParticipatoryProcess edition = ParticipatoryProcess.builder(ProcessId.of("sb-2027"))
 *     .kind(ProcessKind.PARTICIPATORY_BUDGET)
 *     .title(LocalizedText.of("fr", "Budget partagé 2027").with("nl", "Gedeeld budget 2027"))
 *     .territory(territory)
 *     .zone(ZoneId.of("Europe/Brussels"))
 *     .rules(rules)
 *     .phases(ProcessTemplates.sharedBudget().phases())
 *     .progression(PhaseProgression.BY_STAFF)
 *     .build();
 * }</pre>
 *
 * @param id the process id
 * @param kind the kind
 * @param title the public title
 * @param territory the territory covered
 * @param zone the time zone in which phase dates are read
 * @param rules the rules of the edition
 * @param phases the phases in order, at least one, ids unique; copied
 * @param progression how phases move
 */
public record ParticipatoryProcess(
    ProcessId id,
    ProcessKind kind,
    LocalizedText title,
    Territory territory,
    ZoneId zone,
    ProcessRules rules,
    List<Phase> phases,
    PhaseProgression progression) {

  /** Validates the process, in particular the order of phase dates. */
  public ParticipatoryProcess {
    Objects.requireNonNull(id, "The process id is missing.");
    Objects.requireNonNull(
        kind, () -> "The kind of process '" + id + "' is missing: give a ProcessKind.");
    Objects.requireNonNull(title, () -> "The title of process '" + id + "' is missing.");
    Objects.requireNonNull(territory, () -> "The territory of process '" + id + "' is missing.");
    Objects.requireNonNull(
        zone,
        () ->
            "The time zone of process '"
                + id
                + "' is missing: give a ZoneId such as Europe/Brussels.");
    Objects.requireNonNull(rules, () -> "The rules of process '" + id + "' are missing.");
    Objects.requireNonNull(
        progression, () -> "The progression of process '" + id + "' is missing.");
    phases = List.copyOf(Objects.requireNonNull(phases, "phases"));
    if (phases.isEmpty()) {
      throw new IllegalArgumentException(
          "Process '"
              + id
              + "' has no phase: give at least one, e.g. from ProcessTemplates.sharedBudget().");
    }
    Set<String> ids = new HashSet<>();
    for (Phase phase : phases) {
      if (!ids.add(phase.id())) {
        throw new IllegalArgumentException(
            "Process '"
                + id
                + "' has two phases with id '"
                + phase.id()
                + "': give each phase its own id.");
      }
    }
    checkOrder(id, phases, progression);
  }

  private static void checkOrder(ProcessId id, List<Phase> phases, PhaseProgression progression) {
    LocalDateTime latest = null;
    String latestPhase = null;
    for (Phase phase : phases) {
      LocalDateTime opens = phase.dates().opens();
      if (opens != null && latest != null && opens.isBefore(latest)) {
        throw new IllegalArgumentException(
            "Phase '"
                + phase.id()
                + "' of process '"
                + id
                + "' opens on "
                + opens
                + ", before phase '"
                + latestPhase
                + "' ends or opens ("
                + latest
                + "): phase dates must be in order;"
                + " move '"
                + phase.id()
                + "' to "
                + latest
                + " or later.");
      }
      if (opens != null) {
        latest = opens;
        latestPhase = phase.id();
      }
      LocalDateTime closes = phase.dates().closes();
      if (closes != null && latest != null && closes.isBefore(latest)) {
        throw new IllegalArgumentException(
            "Phase '"
                + phase.id()
                + "' of process '"
                + id
                + "' closes on "
                + closes
                + ", before phase '"
                + latestPhase
                + "' opens or ends ("
                + latest
                + "): phase dates must be in order.");
      }
      if (closes != null) {
        latest = closes;
        latestPhase = phase.id();
      }
    }
    if (progression == PhaseProgression.BY_DATES) {
      for (int i = 0; i < phases.size(); i++) {
        Phase phase = phases.get(i);
        boolean placed =
            phase.dates().opens() != null || (i > 0 && phases.get(i - 1).dates().closes() != null);
        if (!placed) {
          throw new IllegalArgumentException(
              "Phase '"
                  + phase.id()
                  + "' of process '"
                  + id
                  + "' cannot be placed in time: with"
                  + " progression BY_DATES give it an opening date"
                  + (i > 0
                      ? " or give phase '" + phases.get(i - 1).id() + "' a closing date."
                      : "."));
        }
      }
    }
  }

  /**
   * A builder for a process with this id.
   *
   * @param id the process id
   * @return a new builder
   */
  public static Builder builder(ProcessId id) {
    return new Builder(id);
  }

  /**
   * The themes of the process (those of its rules), in order.
   *
   * @return the themes
   */
  public List<Theme> themes() {
    return rules.themeList();
  }

  /**
   * The phase with an id.
   *
   * @param phaseId a phase id
   * @return the phase, if the process has it
   */
  public Optional<Phase> phase(String phaseId) {
    return phases.stream().filter(p -> p.id().equals(phaseId)).findFirst();
  }

  /**
   * The position of a phase in the process, for messages and comparisons.
   *
   * @param phaseId a phase id of this process
   * @return its index, from 0
   * @throws IllegalArgumentException if the process has no such phase
   */
  public int indexOf(String phaseId) {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).id().equals(phaseId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "Process '" + id + "' has no phase '" + phaseId + "': its phases are " + phaseIds() + ".");
  }

  /**
   * The ids of the phases, in order.
   *
   * @return the ids
   */
  public List<String> phaseIds() {
    return phases.stream().map(Phase::id).toList();
  }

  /**
   * When a phase starts: its own opening date, otherwise the closing date of the previous phase.
   *
   * @param index the phase's index
   * @return the instant, if it can be told from the dates
   */
  public Optional<Instant> scheduledStart(int index) {
    Optional<Instant> own = phases.get(index).dates().opensAt(zone);
    if (own.isPresent() || index == 0) {
      return own;
    }
    return phases.get(index - 1).dates().closesAt(zone);
  }

  /**
   * When a phase ends: its own closing date, otherwise the opening of the next phase.
   *
   * @param index the phase's index
   * @return the instant, if it can be told from the dates (the last phase may never end)
   */
  public Optional<Instant> scheduledEnd(int index) {
    Optional<Instant> own = phases.get(index).dates().closesAt(zone);
    if (own.isPresent() || index == phases.size() - 1) {
      return own;
    }
    return phases.get(index + 1).dates().opensAt(zone);
  }

  /** Builds a {@link ParticipatoryProcess}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final ProcessId id;
    private ProcessKind kind = ProcessKind.PARTICIPATORY_BUDGET;
    private LocalizedText title;
    private Territory territory;
    private ZoneId zone;
    private ProcessRules rules;
    private final List<Phase> phases = new ArrayList<>();
    private PhaseProgression progression = PhaseProgression.BY_DATES;

    private Builder(ProcessId id) {
      this.id = id;
    }

    /**
     * Sets the kind (default participatory budget).
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(ProcessKind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets the title.
     *
     * @param title the public title
     * @return this builder
     */
    public Builder title(LocalizedText title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the territory.
     *
     * @param territory the territory
     * @return this builder
     */
    public Builder territory(Territory territory) {
      this.territory = territory;
      return this;
    }

    /**
     * Sets the time zone in which phase dates are read.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * Sets the rules.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(ProcessRules rules) {
      this.rules = rules;
      return this;
    }

    /**
     * Replaces the phases.
     *
     * @param phases the phases in order
     * @return this builder
     */
    public Builder phases(List<Phase> phases) {
      this.phases.clear();
      this.phases.addAll(phases);
      return this;
    }

    /**
     * Sets how phases move (default {@link PhaseProgression#BY_DATES}).
     *
     * @param progression the progression
     * @return this builder
     */
    public Builder progression(PhaseProgression progression) {
      this.progression = progression;
      return this;
    }

    /**
     * Validates and builds the process.
     *
     * @return the process
     */
    public ParticipatoryProcess build() {
      return new ParticipatoryProcess(id, kind, title, territory, zone, rules, phases, progression);
    }
  }
}
