package org.polity.voting;

import java.util.Optional;

/**
 * What the participation register holds for a participant on a budget when a ballot arrives: the
 * channel of their counted ballot, if any, and whether a paper encoding of theirs waits for a
 * second encoder. The input of {@link CastPolicy} that a ballot box reads from its own store.
 *
 * @param counted the channel of the participant's counted ballot, or null when none is counted
 * @param encodingPending whether a paper encoding of the participant waits for a second encoder
 */
public record ExistingParticipation(ChannelKind counted, boolean encodingPending) {

  /** A participant the register does not know: no counted ballot, no pending encoding. */
  public static final ExistingParticipation NONE = new ExistingParticipation(null, false);

  /**
   * A participant the register does not know.
   *
   * @return {@link #NONE}
   */
  public static ExistingParticipation none() {
    return NONE;
  }

  /**
   * A participant with a counted ballot and no pending encoding.
   *
   * @param channel the channel of the counted ballot
   * @return the participation
   */
  public static ExistingParticipation voted(ChannelKind channel) {
    if (channel == null) {
      throw new IllegalArgumentException(
          "A counted ballot has no channel: give the channel it was cast through.");
    }
    return new ExistingParticipation(channel, false);
  }

  /**
   * Whether the participant has a counted ballot.
   *
   * @return whether one is counted
   */
  public boolean hasCounted() {
    return counted != null;
  }

  /**
   * The channel of the counted ballot.
   *
   * @return the channel, or empty when none is counted
   */
  public Optional<ChannelKind> countedChannel() {
    return Optional.ofNullable(counted);
  }
}
