package org.polity.cartography;

import java.util.Objects;
import org.polity.common.LocalizedText;

/**
 * Where an initiative stands in moderation: {@link Pending} (proposed or edited by its organiser,
 * not on the public map), {@link Published} (on the map) or {@link Rejected} (with a public
 * reason). An organiser's edit sends a published or rejected initiative back to pending.
 */
public sealed interface Moderation
    permits Moderation.Pending, Moderation.Published, Moderation.Rejected {

  /**
   * The stable code: {@code pending}, {@code published} or {@code rejected}.
   *
   * @return the code
   */
  String code();

  /** Waiting for a moderator. */
  record Pending() implements Moderation {
    @Override
    public String code() {
      return "pending";
    }
  }

  /**
   * On the public map.
   *
   * @param moderator who published it
   */
  record Published(String moderator) implements Moderation {
    /** Refuses a null moderator. */
    public Published {
      Objects.requireNonNull(moderator, "moderator");
    }

    @Override
    public String code() {
      return "published";
    }
  }

  /**
   * Refused by a moderator.
   *
   * @param moderator who rejected it
   * @param reason the reason, shown to the organiser
   */
  record Rejected(String moderator, LocalizedText reason) implements Moderation {
    /** Refuses null parts. */
    public Rejected {
      Objects.requireNonNull(moderator, "moderator");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String code() {
      return "rejected";
    }
  }
}
