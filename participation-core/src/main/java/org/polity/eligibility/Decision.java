package org.polity.eligibility;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An eligibility decision, as a value: {@link Eligible}; {@link Ineligible} when the known facts do
 * not qualify; or {@link Unresolved} when evidence is missing, pending, expired or incomplete, so
 * that completing it could make the person eligible. A refusal carries <em>every</em> reason (not
 * just the first), each with a message and, when there is one, a remedy in French, Dutch and
 * English.
 *
 * <p>The three values follow Kleene's three-valued logic under {@link Rules#allOf}, {@link
 * Rules#anyOf} and {@link Rules#not}: "not (too young)" is eligible, but "not (birth date missing)"
 * stays unresolved.
 */
public sealed interface Decision
    permits Decision.Eligible, Decision.Ineligible, Decision.Unresolved {

  /**
   * @return whether the person may act
   */
  default boolean isEligible() {
    return this instanceof Eligible;
  }

  /**
   * @return every reason of a refusal, in rule order; empty when eligible
   */
  List<Reason> reasons();

  /**
   * The decision's status, as Decidim would report it: {@code OK} when eligible, {@code
   * UNAUTHORISED} when ineligible, and for an unresolved decision the first of {@code MISSING},
   * {@code INCOMPLETE}, {@code EXPIRED}, {@code PENDING} among its reasons (what to do first).
   *
   * @return the status
   */
  Status status();

  /**
   * The reasons' messages in the reader's language.
   *
   * @param locale the reader's locale
   * @return one message per reason
   */
  default List<String> messages(Locale locale) {
    return reasons().stream().map(r -> r.message(locale)).toList();
  }

  /**
   * What the person could do, in the reader's language, without repetition.
   *
   * @param locale the reader's locale
   * @return the remedies
   */
  default List<String> remedies(Locale locale) {
    return reasons().stream()
        .map(r -> r.remedy(locale))
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  /**
   * @return the eligible decision
   */
  static Decision eligible() {
    return new Eligible();
  }

  /**
   * A refusal on known facts.
   *
   * @param reasons at least one reason
   * @return the decision
   */
  static Decision ineligible(Reason... reasons) {
    return new Ineligible(List.of(reasons));
  }

  /**
   * A refusal until evidence is completed.
   *
   * @param reasons at least one reason
   * @return the decision
   */
  static Decision unresolved(Reason... reasons) {
    return new Unresolved(List.of(reasons));
  }

  /** The person may act. */
  record Eligible() implements Decision {
    @Override
    public List<Reason> reasons() {
      return List.of();
    }

    @Override
    public Status status() {
      return Status.OK;
    }
  }

  /**
   * The known facts do not qualify.
   *
   * @param reasons every reason; not empty
   */
  record Ineligible(List<Reason> reasons) implements Decision {
    /** Refuses an empty list. */
    public Ineligible {
      reasons = nonEmpty(reasons);
    }

    @Override
    public Status status() {
      return Status.UNAUTHORISED;
    }
  }

  /**
   * Evidence is missing, pending, expired or incomplete.
   *
   * @param reasons every reason; not empty, and at least one whose status is not UNAUTHORISED
   */
  record Unresolved(List<Reason> reasons) implements Decision {
    /** Refuses an empty list, or reasons that are all final refusals. */
    public Unresolved {
      reasons = nonEmpty(reasons);
      if (reasons.stream().allMatch(r -> r.status() == Status.UNAUTHORISED)) {
        throw new IllegalArgumentException(
            "An unresolved decision needs a reason the person can fix (missing, pending, expired or"
                + " incomplete evidence), but all of "
                + reasons
                + " are final: use Ineligible.");
      }
    }

    @Override
    public Status status() {
      List<Status> order =
          List.of(Status.MISSING, Status.INCOMPLETE, Status.EXPIRED, Status.PENDING);
      return reasons.stream()
          .map(Reason::status)
          .filter(order::contains)
          .min(Comparator.comparingInt(order::indexOf))
          .orElseThrow();
    }
  }

  private static List<Reason> nonEmpty(List<Reason> reasons) {
    Objects.requireNonNull(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("A refusal needs at least one reason.");
    }
    return List.copyOf(reasons);
  }
}
