package org.polity.voting;

import java.util.Objects;

/**
 * How a ballot reaches the ballot box. Whatever the channel, a participant has at most one counted
 * ballot per budget.
 */
public sealed interface Channel permits Channel.Online, Channel.Desk, Channel.Booth {

  /**
   * The kind of this channel, as kept for turnout figures.
   *
   * @return the kind
   */
  ChannelKind kind();

  /**
   * The voter casts the ballot themselves, online.
   *
   * @return the online channel
   */
  static Channel online() {
    return new Online();
  }

  /**
   * A paper ballot encoded by a staff member at a desk.
   *
   * @param encoder the staff member who encodes it
   * @return the desk channel
   */
  static Channel desk(StaffId encoder) {
    return new Desk(encoder);
  }

  /**
   * A ballot cast in a voting booth.
   *
   * @param boothId the booth's identifier
   * @return the booth channel
   */
  static Channel booth(String boothId) {
    return new Booth(boothId);
  }

  /** Cast online by the voter. */
  record Online() implements Channel {
    @Override
    public ChannelKind kind() {
      return ChannelKind.ONLINE;
    }
  }

  /**
   * A paper ballot encoded at a desk; the encoder is recorded on the participation record.
   *
   * @param encoder the staff member who encodes the ballot
   */
  record Desk(StaffId encoder) implements Channel {
    /** Refuses a missing encoder. */
    public Desk {
      Objects.requireNonNull(encoder, "encoder: a desk ballot needs the staff member encoding it");
    }

    @Override
    public ChannelKind kind() {
      return ChannelKind.DESK;
    }
  }

  /**
   * A ballot cast in a voting booth.
   *
   * @param boothId the booth; not blank
   */
  record Booth(String boothId) implements Channel {
    /** Refuses a blank booth id. */
    public Booth {
      if (boothId == null || boothId.isBlank()) {
        throw new IllegalArgumentException(
            "A booth id is blank: name the booth, e.g. \"town-hall-1\".");
      }
    }

    @Override
    public ChannelKind kind() {
      return ChannelKind.BOOTH;
    }
  }
}
