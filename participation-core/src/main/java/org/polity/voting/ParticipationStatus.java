package org.polity.voting;

import java.util.Objects;

/** Whether a participant has voted on a budget, as the participation register knows it. */
public sealed interface ParticipationStatus
    permits ParticipationStatus.NotVoted,
        ParticipationStatus.Voted,
        ParticipationStatus.AwaitingSecondEncoder {

  /** The participant has no counted ballot and no pending encoding. */
  record NotVoted() implements ParticipationStatus {}

  /**
   * The participant has one counted ballot.
   *
   * @param channel the channel of the counted ballot
   */
  record Voted(ChannelKind channel) implements ParticipationStatus {
    /** Refuses a missing channel. */
    public Voted {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * A paper ballot for the participant waits for a second encoder.
   *
   * @param encoder the staff member who encoded it first
   */
  record AwaitingSecondEncoder(StaffId encoder) implements ParticipationStatus {
    /** Refuses a missing encoder. */
    public AwaitingSecondEncoder {
      Objects.requireNonNull(encoder, "encoder");
    }
  }
}
