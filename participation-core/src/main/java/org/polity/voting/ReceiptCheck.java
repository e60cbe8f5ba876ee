package org.polity.voting;

import java.util.Objects;
import org.polity.ballot.Ballot;

/** The answer to a voter checking their receipt. */
public sealed interface ReceiptCheck permits ReceiptCheck.Counted, ReceiptCheck.NotCounted {

  /**
   * The ballot with this receipt is in the count, with these contents.
   *
   * @param ballot the counted ballot
   */
  record Counted(Ballot ballot) implements ReceiptCheck {
    /** Refuses a missing ballot. */
    public Counted {
      Objects.requireNonNull(ballot, "ballot");
    }
  }

  /** No counted ballot has this receipt (never issued, or the ballot was replaced since). */
  record NotCounted() implements ReceiptCheck {}
}
