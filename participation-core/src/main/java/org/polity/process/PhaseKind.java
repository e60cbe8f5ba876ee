package org.polity.process;

import java.util.Locale;
import org.polity.common.Texts;

/**
 * What a phase of a process is for. The kinds cover the ten steps of a "shared budget" edition and
 * the phases of CONSUL-style budgets; which {@link ParticipationAction}s a phase allows is said by
 * the {@link Phase} itself, so two editions may give the same kind different actions.
 *
 * <p><b>Why an enum and not a sealed interface of records.</b> A kind carries no data of its own:
 * the dates, the actions and the name of a phase belong to the {@link Phase} record. An enum gives
 * stable names (used as keys of the resource bundles and in template files), {@code EnumSet} and
 * {@code EnumMap}, and exhaustive {@code switch} on Java 17, where pattern matching over sealed
 * types is not yet final. Records would all be empty singletons.
 */
public enum PhaseKind {
  /** Information and communication about the edition. */
  INFORMATION,
  /** Submission of ideas and projects (online, paper forms, assemblies). */
  IDEA_SUBMISSION,
  /** A citizens' assembly works on the ideas: ideation, improvement, merging duplicates. */
  DELIBERATION,
  /** Collection of supports that pre-select the ideas (CONSUL "selecting"). */
  SUPPORT_COLLECTION,
  /** Feasibility study and costing by the services (CONSUL "reviewing", "valuating"). */
  FEASIBILITY_REVIEW,
  /** Validation of the eligible projects by the executive. */
  VALIDATION,
  /** Publication of the projects on the ballot with their prices (CONSUL "publishing prices"). */
  PRICE_PUBLICATION,
  /** Campaign and vote. */
  VOTING,
  /** Checking of the ballots before the results (CONSUL "reviewing ballots"). */
  BALLOT_REVIEW,
  /** Proclamation of the results. */
  RESULTS_PROCLAMATION,
  /** The funded projects enter the municipal budget. */
  BUDGET_ADOPTION,
  /** Realisation of the funded projects and public follow-up of their progress. */
  IMPLEMENTATION_FOLLOW_UP,
  /** Evaluation of the process (by the citizens' assembly, for instance). */
  EVALUATION,
  /** The process is over (CONSUL "finished"). */
  CLOSED;

  private static final Texts TEXTS = Texts.of(PhaseKind.class);

  /**
   * The name of this kind for a reader, from the bundle {@code org.polity.process.messages}, in
   * French, Dutch or English (English for any other language).
   *
   * @param locale the reader's locale
   * @return a short name such as "Vote"
   */
  public String displayName(Locale locale) {
    return TEXTS.text("phaseKind." + name()).in(locale);
  }
}
