package org.polity.jakarta.voting;

import java.util.Objects;

/**
 * What happened to a ballot handed in: accepted (and committed) or refused. Expected outcomes are
 * values; only programming errors and infrastructure failures are exceptions.
 */
public sealed interface CastOutcome permits CastOutcome.Accepted, CastOutcome.Refused {

  /**
   * The ballot is stored and committed; it counts.
   *
   * @param receiptCode the code the participant keeps to verify their ballot
   * @param replaced whether it replaced the participant's earlier ballot for this budget
   */
  record Accepted(String receiptCode, boolean replaced) implements CastOutcome {
    /** Refuses a null code. */
    public Accepted {
      Objects.requireNonNull(receiptCode, "receiptCode");
    }
  }

  /**
   * The ballot is not stored.
   *
   * @param code a stable reason, such as {@code already-voted}
   * @param message what happened and what the participant can do
   */
  record Refused(String code, String message) implements CastOutcome {
    /** Refuses nulls. */
    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
