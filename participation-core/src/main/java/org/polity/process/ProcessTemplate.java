package org.polity.process;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A ready-made sequence of phases, as data, to adjust for one edition: set the dates of the phases,
 * change the actions a phase allows, drop a phase. Every adjustment returns a new template.
 * Ready-made templates are read by {@link ProcessTemplates}.
 *
 * <pre>{@code
 * List<Phase> phases = ProcessTemplates.sharedBudget()
 *     .withSchedule(LocalDateTime.parse("2027-01-10T00:00"),
 *         LocalDateTime.parse("2027-02-01T00:00"), ...)   // one closing date per phase
 *     .withActions("vote", Set.of(ParticipationAction.VOTE))
 *     .phases();
 * }</pre>
 *
 * @param id the template's id, such as {@code shared-budget}
 * @param kind the kind of process it is for
 * @param phases the phases in order; copied
 */
public record ProcessTemplate(String id, ProcessKind kind, List<Phase> phases) {

  /** Validates the parts. */
  public ProcessTemplate {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(
          "A template id is blank: give an id such as \"shared-budget\".");
    }
    Objects.requireNonNull(kind, "kind");
    phases = List.copyOf(Objects.requireNonNull(phases, "phases"));
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("Template '" + id + "' has no phase: give at least one.");
    }
    if (phases.stream().map(Phase::id).distinct().count() != phases.size()) {
      throw new IllegalArgumentException(
          "Template '"
              + id
              + "' has two phases with the same id: "
              + phases.stream().map(Phase::id).toList()
              + ".");
    }
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
   * This template with one phase's dates set.
   *
   * @param phaseId a phase of the template
   * @param opens the opening date, or null
   * @param closes the closing date, or null
   * @return a new template
   */
  public ProcessTemplate withDates(String phaseId, LocalDateTime opens, LocalDateTime closes) {
    return replace(phaseId, phase -> phase.withDates(opens, closes));
  }

  /**
   * This template with one phase's actions changed.
   *
   * @param phaseId a phase of the template
   * @param actions the actions it allows
   * @return a new template
   */
  public ProcessTemplate withActions(String phaseId, Set<ParticipationAction> actions) {
    return replace(phaseId, phase -> phase.withActions(actions));
  }

  /**
   * This template without a phase.
   *
   * @param phaseId a phase of the template
   * @return a new template
   */
  public ProcessTemplate without(String phaseId) {
    indexOf(phaseId);
    return new ProcessTemplate(
        id, kind, phases.stream().filter(p -> !p.id().equals(phaseId)).toList());
  }

  /**
   * This template with consecutive dates: the first phase opens at {@code opens}, each phase closes
   * at its closing date and the next opens at that moment. Give one closing date per phase, or one
   * fewer to leave the last phase open-ended.
   *
   * @param opens when the first phase opens
   * @param closings the closing dates, in order
   * @return a new template
   */
  public ProcessTemplate withSchedule(LocalDateTime opens, LocalDateTime... closings) {
    Objects.requireNonNull(opens, "opens");
    if (closings.length != phases.size() && closings.length != phases.size() - 1) {
      throw new IllegalArgumentException(
          "Template '"
              + id
              + "' has "
              + phases.size()
              + " phases but "
              + closings.length
              + " closing dates were given: give "
              + phases.size()
              + " (or "
              + (phases.size() - 1)
              + " to leave the last phase open-ended).");
    }
    List<Phase> dated = new ArrayList<>();
    LocalDateTime start = opens;
    for (int i = 0; i < phases.size(); i++) {
      LocalDateTime end = i < closings.length ? closings[i] : null;
      try {
        dated.add(phases.get(i).withDates(start, end));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Phase '" + phases.get(i).id() + "' of template '" + id + "': " + e.getMessage(), e);
      }
      start = end;
    }
    return new ProcessTemplate(id, kind, dated);
  }

  private ProcessTemplate replace(String phaseId, UnaryOperator<Phase> change) {
    int index = indexOf(phaseId);
    List<Phase> copy = new ArrayList<>(phases);
    copy.set(index, change.apply(copy.get(index)));
    return new ProcessTemplate(id, kind, copy);
  }

  private int indexOf(String phaseId) {
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).id().equals(phaseId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "Template '" + id + "' has no phase '" + phaseId + "': its phases are " + phaseIds() + ".");
  }
}
