package org.polity.cartography;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A participatory initiative on the map (aggregate root): its identifier, the organiser's account
 * that proposed it, its current {@link InitiativeDetails}, its {@link Moderation} status and its
 * history of {@link Revision}s, oldest first. Instances are immutable snapshots: the {@link
 * InitiativeRegistry} replaces them on every change.
 */
public final class Initiative {

  private final InitiativeId id;
  private final String proposedBy;
  private final InitiativeDetails details;
  private final Moderation moderation;
  private final List<Revision> history;

  Initiative(
      InitiativeId id, String proposedBy, InitiativeDetails details, Moderation moderation,
      List<Revision> history) {
    this.id = Objects.requireNonNull(id);
    this.proposedBy = Objects.requireNonNull(proposedBy);
    this.details = Objects.requireNonNull(details);
    this.moderation = Objects.requireNonNull(moderation);
    this.history = List.copyOf(history);
  }

  Initiative next(InitiativeDetails newDetails, Moderation newModeration, Revision revision) {
    List<Revision> entries = new ArrayList<>(history);
    entries.add(revision);
    return new Initiative(id, proposedBy, newDetails, newModeration, entries);
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
   * @return the current details
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
        && id.equals(initiative.id) && history.equals(initiative.history)
        && moderation.equals(initiative.moderation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, history.size());
  }

  @Override
  public String toString() {
    return "Initiative[" + id + ", " + moderation.code() + ", " + details.title().original() + "]";
  }
}
