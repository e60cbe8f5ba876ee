package org.polity.voting;

import java.util.Objects;
import org.polity.ballot.Ballot;

/**
 * A ballot in the count, as stored and as published: the ballot and the hash of its receipt, and
 * nothing about who cast it, when, or through which channel.
 *
 * @param receipt the hash of the voter's receipt code
 * @param ballot the ballot
 */
public record CountedBallot(ReceiptHash receipt, Ballot ballot) {

  /** Refuses missing parts. */
  public CountedBallot {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(ballot, "ballot");
  }
}
