package org.polity.eligibility;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The day on which an age is computed: a fixed date (the voting day, the day of the draw) or the
 * day of the decision in the process's time zone.
 */
public sealed interface ReferenceDate permits ReferenceDate.On, ReferenceDate.DecisionDay {

  /**
   * The date to compute ages on.
   *
   * @param context the decision's context
   * @return the date
   */
  LocalDate resolve(EligibilityContext context);

  /**
   * A fixed date, e.g. the voting day.
   *
   * @param date the date
   * @return the reference date
   */
  static ReferenceDate on(LocalDate date) {
    return new On(date);
  }

  /**
   * The day of the decision, in the process's zone.
   *
   * @return the reference date
   */
  static ReferenceDate decisionDay() {
    return new DecisionDay();
  }

  /**
   * A fixed date.
   *
   * @param date the date
   */
  record On(LocalDate date) implements ReferenceDate {
    /** Refuses a missing date. */
    public On {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public LocalDate resolve(EligibilityContext context) {
      return date;
    }
  }

  /** The day of the decision, in the process's time zone. */
  record DecisionDay() implements ReferenceDate {
    @Override
    public LocalDate resolve(EligibilityContext context) {
      return context.today();
    }
  }
}
