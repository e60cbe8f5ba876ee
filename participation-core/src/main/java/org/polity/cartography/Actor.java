package org.polity.cartography;

/**
 * Who changes an initiative: the {@link Organiser} who proposed it, or a {@link Moderator} (staff).
 * The adapter builds it from the authenticated account and its role.
 */
public sealed interface Actor permits Actor.Organiser, Actor.Moderator {

  /**
   * @return the account identifier
   */
  String account();

  /**
   * An organiser.
   *
   * @param account the organiser's account
   * @return the actor
   */
  static Actor organiser(String account) {
    return new Organiser(account);
  }

  /**
   * A moderator.
   *
   * @param account the moderator's account
   * @return the actor
   */
  static Actor moderator(String account) {
    return new Moderator(account);
  }

  /**
   * An organiser's account; may edit only the initiatives it proposed.
   *
   * @param account the account identifier, not blank
   */
  record Organiser(String account) implements Actor {
    /** Refuses a blank account. */
    public Organiser {
      Moderator.check(account);
    }
  }

  /**
   * A staff member's account; may publish, reject and edit any initiative.
   *
   * @param account the account identifier, not blank
   */
  record Moderator(String account) implements Actor {
    /** Refuses a blank account. */
    public Moderator {
      check(account);
    }

    static void check(String account) {
      if (account == null || account.isBlank()) {
        throw new IllegalArgumentException(
            "The account is blank: give the identifier of the person acting.");
      }
    }
  }
}
