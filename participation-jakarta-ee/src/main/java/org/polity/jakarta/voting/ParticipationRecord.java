package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The participation register's row: a participant took part in a budget's vote, through a channel
 * (or has a paper encoding pending), unique per participant and budget; no ballot, no time.
 */
@Entity
@Table(name = "polity_participation")
public class ParticipationRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  @Column(name = "participant_key", length = 100, nullable = false)
  private String participantKey;

  @Column(name = "channel", length = 8)
  private String channel;

  @Column(name = "encoder", length = 100)
  private String encoder;

  @Column(name = "pending_id", length = 32)
  private String pendingId;

  /** For Jakarta Persistence only. */
  protected ParticipationRecord() {}

  ParticipationRecord(String id, String budgetId, String participantKey) {
    this.id = id;
    this.budgetId = budgetId;
    this.participantKey = participantKey;
  }

  String channel() {
    return channel;
  }

  String pendingId() {
    return pendingId;
  }

  void voted(String newChannel, String newEncoder) {
    this.channel = newChannel;
    this.encoder = newEncoder;
    this.pendingId = null;
  }

  void pending(String newPendingId) {
    this.pendingId = newPendingId;
  }
}
