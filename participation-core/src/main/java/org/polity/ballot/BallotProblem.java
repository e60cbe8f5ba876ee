package org.polity.ballot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.common.Texts;

/**
 * One reason why a ballot is invalid, as a value an adapter can show to the voter: a stable code,
 * its arguments, the budget concerned (if any), and {@link #text(Locale)} in French, Dutch or
 * English from the bundle {@code org.polity.ballot.messages} ({@link Texts}).
 *
 * @param code the message key, e.g. {@code ballot.tooManyProjects}
 * @param arguments the values the message refers to
 * @param budget the budget whose ballot has the problem, or empty for the submission as a whole
 */
public record BallotProblem(String code, List<Object> arguments, Optional<BudgetId> budget) {

  private static final Texts TEXTS = Texts.of(BallotProblem.class);

  /** Checks the code has a message and copies the arguments. */
  public BallotProblem {
    Objects.requireNonNull(code, "code");
    arguments = List.copyOf(arguments);
    budget = budget == null ? Optional.empty() : budget;
    if (!TEXTS.has(code)) {
      throw new IllegalArgumentException(
          "The ballot problem code '"
              + code
              + "' has no message: add it to org/polity/ballot/messages.properties.");
    }
  }

  static BallotProblem of(String code, Object... arguments) {
    return new BallotProblem(code, List.of(arguments), Optional.empty());
  }

  /**
   * The same problem, attributed to a budget.
   *
   * @param id the budget
   * @return the problem for that budget
   */
  public BallotProblem in(BudgetId id) {
    return new BallotProblem(code, arguments, Optional.of(id));
  }

  /**
   * The sentence to show the voter.
   *
   * @param locale fr, nl or en (anything else falls back to English)
   * @return the sentence
   */
  public String text(Locale locale) {
    return TEXTS.in(locale, code, arguments.toArray());
  }
}
