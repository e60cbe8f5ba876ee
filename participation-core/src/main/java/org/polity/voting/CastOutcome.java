package org.polity.voting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.polity.ballot.BallotProblem;

/**
 * What became of a ballot handed to a {@link BallotBox}: expected outcomes are values, never
 * exceptions. Only {@link Accepted}, {@link Replaced} and {@link Confirmed} put a ballot in the
 * count; they carry the voter's {@link ReceiptCode}, which the box does not keep.
 */
public sealed interface CastOutcome
    permits CastOutcome.Accepted,
        CastOutcome.Replaced,
        CastOutcome.Confirmed,
        CastOutcome.AlreadyVoted,
        CastOutcome.AwaitingSecondEncoder,
        CastOutcome.EncodingInProgress,
        CastOutcome.EncodingMismatch,
        CastOutcome.SameEncoder,
        CastOutcome.UnknownEncoding,
        CastOutcome.Discarded,
        CastOutcome.NotOpen,
        CastOutcome.Closed,
        CastOutcome.Invalid {

  /**
   * Whether this outcome put a ballot in the count.
   *
   * @return true for accepted, replaced and confirmed ballots
   */
  default boolean counted() {
    return this instanceof Accepted || this instanceof Replaced || this instanceof Confirmed;
  }

  /**
   * The ballot is counted; it is the participant's first.
   *
   * @param receipt the voter's secret receipt; give it to the voter, do not store it
   */
  record Accepted(ReceiptCode receipt) implements CastOutcome {
    /** Refuses a missing receipt. */
    public Accepted {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /**
   * The ballot is counted and the participant's previous ballot has left the count (the edition
   * allows changes). The previous receipt no longer verifies.
   *
   * @param receipt the voter's new secret receipt
   */
  record Replaced(ReceiptCode receipt) implements CastOutcome {
    /** Refuses a missing receipt. */
    public Replaced {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /**
   * A second encoder confirmed a pending paper ballot, which is now counted.
   *
   * @param receipt the voter's secret receipt
   * @param replacedPrevious whether a previous ballot of the participant left the count
   */
  record Confirmed(ReceiptCode receipt, boolean replacedPrevious) implements CastOutcome {
    /** Refuses a missing receipt. */
    public Confirmed {
      Objects.requireNonNull(receipt, "receipt");
    }
  }

  /**
   * Refused: the participant already has a counted ballot and the edition does not allow changes
   * (or the vote has closed and only desk encodings for non-voters remain).
   *
   * @param channel the channel of the counted ballot
   */
  record AlreadyVoted(ChannelKind channel) implements CastOutcome {
    /** Refuses a missing channel. */
    public AlreadyVoted {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * A paper ballot was encoded and waits for a second staff member to encode it again; it is not
   * counted yet, and the participant cannot vote elsewhere meanwhile.
   *
   * @param pending the encoding to confirm or discard
   */
  record AwaitingSecondEncoder(PendingEncodingId pending) implements CastOutcome {
    /** Refuses a missing id. */
    public AwaitingSecondEncoder {
      Objects.requireNonNull(pending, "pending");
    }
  }

  /**
   * Refused: a paper ballot for this participant waits for a second encoder; confirm or discard it
   * first.
   */
  record EncodingInProgress() implements CastOutcome {}

  /**
   * The second encoding differs from the first: nothing counted, the encoding still waits.
   *
   * @param pending the encoding, still pending
   */
  record EncodingMismatch(PendingEncodingId pending) implements CastOutcome {
    /** Refuses a missing id. */
    public EncodingMismatch {
      Objects.requireNonNull(pending, "pending");
    }
  }

  /**
   * The confirming staff member is the one who encoded the ballot first; another one must confirm.
   *
   * @param encoder the first encoder
   */
  record SameEncoder(StaffId encoder) implements CastOutcome {
    /** Refuses a missing encoder. */
    public SameEncoder {
      Objects.requireNonNull(encoder, "encoder");
    }
  }

  /**
   * No pending encoding has this id (already confirmed, discarded, or never issued).
   *
   * @param pending the unknown id
   */
  record UnknownEncoding(PendingEncodingId pending) implements CastOutcome {
    /** Refuses a missing id. */
    public UnknownEncoding {
      Objects.requireNonNull(pending, "pending");
    }
  }

  /**
   * A pending encoding was discarded (an encoding error); nothing counted, the participant may vote
   * again.
   *
   * @param pending the discarded encoding
   */
  record Discarded(PendingEncodingId pending) implements CastOutcome {
    /** Refuses a missing id. */
    public Discarded {
      Objects.requireNonNull(pending, "pending");
    }
  }

  /**
   * Refused: the vote has not opened yet.
   *
   * @param opensAt when it opens
   */
  record NotOpen(Instant opensAt) implements CastOutcome {
    /** Refuses a missing instant. */
    public NotOpen {
      Objects.requireNonNull(opensAt, "opensAt");
    }
  }

  /**
   * Refused: the vote (or, for desk encodings, desk encoding) has closed.
   *
   * @param closedAt when it closed
   */
  record Closed(Instant closedAt) implements CastOutcome {
    /** Refuses a missing instant. */
    public Closed {
      Objects.requireNonNull(closedAt, "closedAt");
    }
  }

  /**
   * Refused: the ballot breaks the vote's ballot form ({@link VoteSettings#form()}); nothing was
   * stored. Every reason is given, so that the voter can fix everything at once.
   *
   * @param problems the reasons, at least one
   */
  record Invalid(List<BallotProblem> problems) implements CastOutcome {
    /** Copies the problems and refuses an empty list. */
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException(
            "An invalid ballot has at least one problem: pass the form's problems.");
      }
    }
  }
}
