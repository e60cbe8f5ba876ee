package org.polity.cartography;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.process.Outcome;
import org.polity.process.Refusal;

/**
 * A participatory initiative on the map (aggregate root): its identifier, the organiser's account
 * that proposed it, its current {@link InitiativeDetails}, its {@link Moderation} status, an
 * organiser's edit waiting for moderation (if any) and its history of {@link Revision}s, oldest
 * first.
 *
 * <p>Instances are immutable snapshots. The moderation rules live here as pure transitions ({@link
 * #propose}, {@link #publish}, {@link #reject}, {@link #edit}) that return the next snapshot or a
 * {@link Refusal}: the {@link InitiativeRegistry} applies them to its in-memory map, and an adapter
 * can apply them to a stored copy inside a database transaction, store the result, and only then
 * {@link InitiativeRegistry#restore restore} it into the registry (nothing is half-applied).
 *
 * <h2>Moderation of edits (pending changes)</h2>
 *
 * <ul>
 *   <li>An organiser's edit of a <em>pending or rejected</em> initiative replaces its details and
 *       (re)submits it: it becomes pending.
 *   <li>An organiser's edit of a <em>published</em> initiative does not touch the map: the
 *       published details stay visible and the edit waits as {@link #pendingEdit()} ({@link
 *       Revision.Action#EDIT_PROPOSED}). A moderator {@link #publish publishes} it (the details
 *       change, {@link Revision.Action#PUBLISHED} with the changed parts) or {@link #reject
 *       rejects} it with a reason (the published details stay, {@link Revision.Action#REJECTED}). A
 *       new edit by the organiser replaces the waiting one.
 *   <li>A moderator's edit applies at once and keeps the status (staff correct typos and places); a
 *       waiting organiser's edit stays waiting.
 * </ul>
 */
public final class Initiative {

  private static final List<String> ALL_PARTS =
      List.of(
          "title",
          "description",
          "kind",
          "organiser",
          "organiserType",
          "themes",
          "audience",
          "scale",
          "mode",
          "recruitment",
          "period",
          "contact",
          "place");

  private final InitiativeId id;
  private final String proposedBy;
  private final InitiativeDetails details;
  private final Moderation moderation;
  private final InitiativeDetails pendingEdit;
  private final List<Revision> history;

  private Initiative(
      InitiativeId id,
      String proposedBy,
      InitiativeDetails details,
      Moderation moderation,
      InitiativeDetails pendingEdit,
      List<Revision> history) {
    this.id = Objects.requireNonNull(id, "id");
    this.proposedBy = Objects.requireNonNull(proposedBy, "proposedBy");
    this.details = Objects.requireNonNull(details, "details");
    this.moderation = Objects.requireNonNull(moderation, "moderation");
    this.pendingEdit = pendingEdit;
    this.history = List.copyOf(history);
  }

  /**
   * A new proposal, waiting for moderation.
   *
   * @param id its identifier
   * @param organiserAccount the organiser's account (who may edit it later)
   * @param details the details
   * @param at when it was proposed
   * @return the pending initiative
   */
  public static Initiative propose(
      InitiativeId id, String organiserAccount, InitiativeDetails details, Instant at) {
    Objects.requireNonNull(id, "id");
    Actor organiser = Actor.organiser(organiserAccount);
    Objects.requireNonNull(
        details, "The details are missing: build them with InitiativeDetails.builder().");
    Objects.requireNonNull(at, "at");
    Revision revision =
        new Revision(at, organiser.account(), Revision.Action.PROPOSED, ALL_PARTS, "", details);
    return new Initiative(
        id, organiser.account(), details, new Moderation.Pending(), null, List.of(revision));
  }

  /**
   * Rebuilds a stored initiative (an adapter reading its database). The state must be one the
   * transitions can reach: the history starts with the proposal by {@code proposedBy}, and a
   * pending edit exists only on a published initiative.
   *
   * @param id the identifier
   * @param proposedBy the organiser's account
   * @param details the current details
   * @param moderation the status
   * @param pendingEdit an organiser's edit waiting for moderation, or null
   * @param history the history, oldest first
   * @return the initiative
   * @throws IllegalArgumentException when the state is inconsistent (the message says what)
   */
  public static Initiative restore(
      InitiativeId id,
      String proposedBy,
      InitiativeDetails details,
      Moderation moderation,
      InitiativeDetails pendingEdit,
      List<Revision> history) {
    Objects.requireNonNull(history, "history");
    if (history.isEmpty()
        || history.get(0).action() != Revision.Action.PROPOSED
        || !history.get(0).actor().equals(proposedBy)) {
      throw new IllegalArgumentException(
          "The history of initiative "
              + id
              + " does not start with its"
              + " proposal by "
              + proposedBy
              + ": restore the stored history whole.");
    }
    if (pendingEdit != null && !(moderation instanceof Moderation.Published)) {
      throw new IllegalArgumentException(
          "Initiative "
              + id
              + " is "
              + moderation.code()
              + " but has a"
              + " pending edit: only a published initiative keeps an edit apart.");
    }
    return new Initiative(id, proposedBy, details, moderation, pendingEdit, history);
  }

  /**
   * A moderator publishes a pending initiative, or accepts the pending edit of a published one.
   *
   * @param moderatorAccount the moderator's account
   * @param at when
   * @return the published initiative, or refused ({@code initiative.not-pending})
   */
  public Outcome<Initiative> publish(String moderatorAccount, Instant at) {
    Actor moderator = Actor.moderator(moderatorAccount);
    Objects.requireNonNull(at, "at");
    if (pendingEdit != null) {
      Revision revision =
          new Revision(
              at,
              moderator.account(),
              Revision.Action.PUBLISHED,
              pendingEdit.differencesFrom(details),
              "",
              pendingEdit);
      return Outcome.done(
          next(pendingEdit, new Moderation.Published(moderator.account()), null, revision));
    }
    if (!(moderation instanceof Moderation.Pending)) {
      return notPending();
    }
    Revision revision =
        new Revision(at, moderator.account(), Revision.Action.PUBLISHED, List.of(), "", details);
    return Outcome.done(
        next(details, new Moderation.Published(moderator.account()), null, revision));
  }

  /**
   * A moderator rejects a pending initiative, or the pending edit of a published one (which then
   * stays published as it was), with a reason shown to its organiser.
   *
   * @param moderatorAccount the moderator's account
   * @param reason the reason, in one or more languages
   * @param at when
   * @return the initiative after the decision, or refused ({@code initiative.not-pending})
   */
  public Outcome<Initiative> reject(String moderatorAccount, LocalizedText reason, Instant at) {
    Actor moderator = Actor.moderator(moderatorAccount);
    Objects.requireNonNull(
        reason,
        "The reason is missing: a rejection needs a reason for the organiser,"
            + " e.g. LocalizedText.of(\"fr\", \"...\").");
    Objects.requireNonNull(at, "at");
    if (pendingEdit != null) {
      Revision revision =
          new Revision(
              at,
              moderator.account(),
              Revision.Action.REJECTED,
              pendingEdit.differencesFrom(details),
              reason.original(),
              details);
      return Outcome.done(next(details, moderation, null, revision));
    }
    if (!(moderation instanceof Moderation.Pending)) {
      return notPending();
    }
    Revision revision =
        new Revision(
            at,
            moderator.account(),
            Revision.Action.REJECTED,
            List.of(),
            reason.original(),
            details);
    return Outcome.done(
        next(details, new Moderation.Rejected(moderator.account(), reason), null, revision));
  }

  /**
   * Edits the details (see the class comment for what happens to the status).
   *
   * @param actor who edits: its organiser, or a moderator
   * @param newDetails the new details
   * @param why why (kept in the history); not blank
   * @param at when
   * @return the edited initiative, or refused ({@code initiative.not-yours}, {@code
   *     initiative.no-change})
   */
  public Outcome<Initiative> edit(
      Actor actor, InitiativeDetails newDetails, String why, Instant at) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(newDetails, "details");
    Objects.requireNonNull(at, "at");
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException(
          "The reason for the edit is blank: say why it changes (it is kept in the history).");
    }
    if (actor instanceof Actor.Organiser && !proposedBy.equals(actor.account())) {
      return Outcome.refused(
          new Refusal(
              "initiative.not-yours",
              text(
                  "Only its organiser or a moderator may edit initiative " + id + ".",
                  "Seul son organisateur ou un modérateur peut modifier l'initiative " + id + ".",
                  "Alleen de organisator of een moderator mag initiatief " + id + " wijzigen.")));
    }
    boolean waitsApart =
        actor instanceof Actor.Organiser && moderation instanceof Moderation.Published;
    InitiativeDetails compared = waitsApart && pendingEdit != null ? pendingEdit : details;
    List<String> changed = newDetails.differencesFrom(waitsApart ? details : compared);
    if (changed.isEmpty() || newDetails.differencesFrom(compared).isEmpty()) {
      return Outcome.refused(
          new Refusal(
              "initiative.no-change",
              text(
                  "These details are the same as the current ones: nothing to edit.",
                  "Ces informations sont identiques aux actuelles : rien à modifier.",
                  "Deze gegevens zijn dezelfde als de huidige: er is niets te wijzigen.")));
    }
    if (waitsApart) {
      Revision revision =
          new Revision(
              at, actor.account(), Revision.Action.EDIT_PROPOSED, changed, why.strip(), newDetails);
      return Outcome.done(next(details, moderation, newDetails, revision));
    }
    Moderation after = actor instanceof Actor.Moderator ? moderation : new Moderation.Pending();
    Revision revision =
        new Revision(at, actor.account(), Revision.Action.EDITED, changed, why.strip(), newDetails);
    return Outcome.done(next(newDetails, after, pendingEdit, revision));
  }

  private Initiative next(
      InitiativeDetails newDetails,
      Moderation newModeration,
      InitiativeDetails newPendingEdit,
      Revision revision) {
    List<Revision> entries = new ArrayList<>(history.size() + 1);
    entries.addAll(history);
    entries.add(revision);
    return new Initiative(id, proposedBy, newDetails, newModeration, newPendingEdit, entries);
  }

  private <T> Outcome<T> notPending() {
    String status = moderation.code();
    return Outcome.refused(
        new Refusal(
            "initiative.not-pending",
            text(
                "Initiative "
                    + id
                    + " is "
                    + status
                    + " and has no edit waiting: only a pending initiative"
                    + " or a waiting edit can be published or rejected.",
                "L'initiative "
                    + id
                    + " n'est pas en attente ("
                    + status
                    + ") et n'a pas de modification en"
                    + " attente : seule une initiative ou une modification en attente peut être publiée ou refusée.",
                "Initiatief "
                    + id
                    + " wacht niet op moderatie ("
                    + status
                    + ") en heeft geen wachtende"
                    + " wijziging: alleen een wachtend initiatief of een wachtende wijziging kan gepubliceerd"
                    + " of geweigerd worden.")));
  }

  static LocalizedText text(String en, String fr, String nl) {
    return LocalizedText.of("en", en).with("fr", fr).with("nl", nl);
  }

  /**
   * @return the identifier
   */
  public InitiativeId id() {
    return id;
  }

  /**
   * @return the account of the organiser who proposed it (who may edit it)
   */
  public String proposedBy() {
    return proposedBy;
  }

  /**
   * @return the current details (for a published initiative, what the map shows)
   */
  public InitiativeDetails details() {
    return details;
  }

  /**
   * @return the moderation status
   */
  public Moderation moderation() {
    return moderation;
  }

  /**
   * An organiser's edit of a published initiative that waits for moderation.
   *
   * @return the edited details, or empty
   */
  public Optional<InitiativeDetails> pendingEdit() {
    return Optional.ofNullable(pendingEdit);
  }

  /**
   * @return whether a moderator has something to decide: a pending initiative or a waiting edit
   */
  public boolean awaitsModeration() {
    return moderation instanceof Moderation.Pending || pendingEdit != null;
  }

  /**
   * @return whether it is on the public map
   */
  public boolean isPublished() {
    return moderation instanceof Moderation.Published;
  }

  /**
   * @return the history, oldest first (never empty: it starts with the proposal)
   */
  public List<Revision> history() {
    return history;
  }

  /**
   * @return when it was proposed
   */
  public Instant proposedAt() {
    return history.get(0).at();
  }

  /**
   * @return when it last changed
   */
  public Instant updatedAt() {
    return history.get(history.size() - 1).at();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Initiative initiative
        && id.equals(initiative.id)
        && history.equals(initiative.history)
        && moderation.equals(initiative.moderation)
        && details.equals(initiative.details)
        && Objects.equals(pendingEdit, initiative.pendingEdit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, history.size());
  }

  @Override
  public String toString() {
    return "Initiative["
        + id
        + ", "
        + moderation.code()
        + (pendingEdit != null ? " (edit waiting)" : "")
        + ", "
        + details.title().original()
        + "]";
  }
}
