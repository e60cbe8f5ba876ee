package org.polity.process;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.polity.common.Texts;

/**
 * One phase of a process: an identifier unique in the process (such as {@code vote}), a {@link
 * PhaseKind}, its {@link PhaseDates} and the {@link ParticipationAction}s it allows.
 *
 * <pre>{@code
 * Phase vote = new Phase("vote", PhaseKind.VOTING,
 *     PhaseDates.between(LocalDateTime.parse("2027-06-01T00:00"), LocalDateTime.parse("2027-07-01T00:00")),
 *     Set.of(ParticipationAction.VOTE, ParticipationAction.COMMENT));
 * }</pre>
 *
 * @param id a short identifier: lower-case letters, digits, {@code -} and {@code _}
 * @param kind what the phase is for
 * @param dates when it is open
 * @param allowedActions the actions it allows (possibly none); copied, unmodifiable
 */
public record Phase(
    String id, PhaseKind kind, PhaseDates dates, Set<ParticipationAction> allowedActions) {

  private static final Texts TEXTS = Texts.of(Phase.class);
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** Validates the parts and copies the actions. */
  public Phase {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "The phase id '"
              + id
              + "' is not valid: use lower-case letters, digits, '-' and '_',"
              + " such as \"vote\" or \"publishing_prices\".");
    }
    Objects.requireNonNull(
        kind, () -> "The kind of phase '" + id + "' is missing: give a PhaseKind.");
    Objects.requireNonNull(
        dates, () -> "The dates of phase '" + id + "' are missing: use PhaseDates.UNDATED.");
    Objects.requireNonNull(
        allowedActions,
        () -> "The actions of phase '" + id + "' are missing: give a set, possibly empty.");
    allowedActions =
        allowedActions.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(EnumSet.copyOf(allowedActions));
  }

  /**
   * Whether this phase allows an action.
   *
   * @param action the action
   * @return true if allowed while this phase is current
   */
  public boolean allows(ParticipationAction action) {
    return allowedActions.contains(action);
  }

  /**
   * This phase with other dates.
   *
   * @param opens the first moment, or null for open-ended
   * @param closes the first moment after the phase, or null for open-ended
   * @return a new phase
   */
  public Phase withDates(LocalDateTime opens, LocalDateTime closes) {
    return new Phase(id, kind, new PhaseDates(opens, closes), allowedActions);
  }

  /**
   * This phase with other actions.
   *
   * @param actions the actions it allows
   * @return a new phase
   */
  public Phase withActions(Set<ParticipationAction> actions) {
    return new Phase(id, kind, dates, actions);
  }

  /**
   * The name of this phase for a reader: the name of its id in the bundle {@code
   * org.polity.process.messages} (every template phase has one), otherwise the name of its kind.
   * French, Dutch or English; English for other languages.
   *
   * @param locale the reader's locale
   * @return a name such as "Campagne et vote"
   */
  public String displayName(Locale locale) {
    return TEXTS
        .optional("phase." + id)
        .map(text -> text.in(locale))
        .orElseGet(() -> kind.displayName(locale));
  }
}
