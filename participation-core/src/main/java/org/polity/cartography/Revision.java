package org.polity.cartography;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an initiative's history: who did what, when, and why. Proposals and edits also keep
 * the details as they were after the change, so any earlier version can be shown.
 *
 * @param at when
 * @param actor the account that acted (organiser or moderator)
 * @param action what was done
 * @param changed the names of the changed details (see {@link InitiativeDetails#differencesFrom});
 *     all of them for a proposal, none for moderation
 * @param why the reason given (required for edits and rejections), or empty
 * @param details the details after this entry (for {@link Action#EDIT_PROPOSED}: the proposed ones)
 */
public record Revision(
    Instant at,
    String actor,
    Action action,
    List<String> changed,
    String why,
    InitiativeDetails details) {

  /** What a history entry records. */
  public enum Action {
    /** An organiser proposed the initiative. */
    PROPOSED,
    /** Its details were edited (by a moderator, or by its organiser while not published). */
    EDITED,
    /**
     * Its organiser edited it while published: the edit waits for moderation, the map keeps the
     * published details ({@link Revision#details()} holds the proposed ones).
     */
    EDIT_PROPOSED,
    /**
     * A moderator published it, or accepted its waiting edit ({@link Revision#changed()} not
     * empty).
     */
    PUBLISHED,
    /**
     * A moderator rejected it, or its waiting edit (which names the parts it would have changed).
     */
    REJECTED
  }

  /** Refuses null parts; copies the list. */
  public Revision {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    changed = List.copyOf(changed);
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(details, "details");
  }
}
