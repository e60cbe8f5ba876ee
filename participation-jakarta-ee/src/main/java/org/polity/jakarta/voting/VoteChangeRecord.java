package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.polity.voting.VoteChange;

/** One move of a vote's close, kept in the vote's public history ({@code polity_vote_change}). */
@Entity
@Table(name = "polity_vote_change")
public class VoteChangeRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  /** The change's rank in the vote's history: 1 for the first. */
  @Column(name = "change_number", nullable = false)
  private int position;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  @Column(name = "previous_closes_at", nullable = false)
  private OffsetDateTime previousClosesAt;

  @Column(name = "closes_at", nullable = false)
  private OffsetDateTime closesAt;

  @Column(name = "desk_until", nullable = false)
  private OffsetDateTime deskUntil;

  @Column(name = "reason", length = 1000, nullable = false)
  private String reason;

  @Column(name = "changed_by", length = 100, nullable = false)
  private String changedBy;

  /** For Jakarta Persistence only. */
  protected VoteChangeRecord() {}

  VoteChangeRecord(String id, String budgetId, int position, VoteChange change) {
    this.id = id;
    this.budgetId = budgetId;
    this.position = position;
    this.changedAt = change.at().atOffset(ZoneOffset.UTC);
    this.previousClosesAt = change.previousClosesAt().atOffset(ZoneOffset.UTC);
    this.closesAt = change.closesAt().atOffset(ZoneOffset.UTC);
    this.deskUntil = change.deskEncodingUntil().atOffset(ZoneOffset.UTC);
    this.reason = change.reason();
    this.changedBy = change.by();
  }

  VoteChange change() {
    return new VoteChange(
        closesAt.toInstant(),
        deskUntil.toInstant(),
        reason,
        changedBy,
        changedAt.toInstant(),
        previousClosesAt.toInstant());
  }
}
