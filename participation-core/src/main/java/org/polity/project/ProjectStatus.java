package org.polity.project;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.polity.common.Texts;

/**
 * Where a project stands in its life, and which moves are allowed from there:
 *
 * <pre>
 * SUBMITTED    -> UNDER_REVIEW, MERGED
 * UNDER_REVIEW -> FEASIBLE, NOT_FEASIBLE, MERGED
 * FEASIBLE     -> ON_BALLOT, NOT_FEASIBLE (refused at validation), MERGED
 * ON_BALLOT    -> SELECTED, NOT_SELECTED
 * SELECTED     -> IN_PROGRESS, ABANDONED
 * IN_PROGRESS  -> REALISED, ABANDONED
 * NOT_FEASIBLE, MERGED, NOT_SELECTED, REALISED, ABANDONED: final
 * </pre>
 *
 * <p><b>Why an enum.</b> A status is a position in a state machine; what comes with a move (who,
 * when, why, the reason of a refusal, the project a duplicate was merged into) belongs to the move
 * and is kept in the project's history ({@link StatusChange}) and fields. An enum gives the
 * transition table as an {@code EnumMap}, stable codes for exports, and exhaustive {@code switch}
 * on Java 17.
 */
public enum ProjectStatus {
  /** Submitted, waiting for review. */
  SUBMITTED,
  /** Being studied by the services (feasibility and cost). */
  UNDER_REVIEW,
  /** Found feasible by the services. */
  FEASIBLE,
  /** Found not feasible (at review or at validation), with a reason. Final. */
  NOT_FEASIBLE,
  /** Merged into another project (a duplicate). Final. */
  MERGED,
  /** Validated and on the ballot. */
  ON_BALLOT,
  /** Selected by the vote: funded. */
  SELECTED,
  /** On the ballot but not funded. Final. */
  NOT_SELECTED,
  /** Being carried out by the services. */
  IN_PROGRESS,
  /** Realised. Final. */
  REALISED,
  /** Abandoned after selection, with a reason. Final. */
  ABANDONED;

  private static final Texts TEXTS = Texts.of(ProjectStatus.class);

  private static final Map<ProjectStatus, Set<ProjectStatus>> NEXT =
      new EnumMap<>(ProjectStatus.class);

  static {
    NEXT.put(SUBMITTED, EnumSet.of(UNDER_REVIEW, MERGED));
    NEXT.put(UNDER_REVIEW, EnumSet.of(FEASIBLE, NOT_FEASIBLE, MERGED));
    NEXT.put(FEASIBLE, EnumSet.of(ON_BALLOT, NOT_FEASIBLE, MERGED));
    NEXT.put(ON_BALLOT, EnumSet.of(SELECTED, NOT_SELECTED));
    NEXT.put(SELECTED, EnumSet.of(IN_PROGRESS, ABANDONED));
    NEXT.put(IN_PROGRESS, EnumSet.of(REALISED, ABANDONED));
    for (ProjectStatus status : values()) {
      NEXT.putIfAbsent(status, EnumSet.noneOf(ProjectStatus.class));
    }
  }

  /**
   * The statuses a project may move to from this one.
   *
   * @return an unmodifiable set, empty for a final status
   */
  public Set<ProjectStatus> next() {
    return Collections.unmodifiableSet(NEXT.get(this));
  }

  /**
   * Whether a project may move from this status to another.
   *
   * @param target the status after the move
   * @return true if the move is in the lifecycle
   */
  public boolean canMoveTo(ProjectStatus target) {
    return NEXT.get(this).contains(target);
  }

  /**
   * Whether no move leaves this status.
   *
   * @return true for a final status
   */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /**
   * Whether a project in this status still waits for the end of its feasibility review.
   *
   * @return true for {@link #SUBMITTED} and {@link #UNDER_REVIEW}
   */
  public boolean awaitsReview() {
    return this == SUBMITTED || this == UNDER_REVIEW;
  }

  /**
   * The name of this status for a reader, in French, Dutch or English (English otherwise).
   *
   * @param locale the reader's locale
   * @return a name such as "Faisable"
   */
  public String displayName(Locale locale) {
    return TEXTS.text("status." + name()).in(locale);
  }
}
