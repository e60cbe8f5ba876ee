package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The record that a participant took part in a budget's vote: participant key, budget and channel
 * (online or paper), unique per participant and budget, with no link to the ballot and no time.
 */
@Entity
@Table(name = "polity_participation")
public class ParticipationRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "participant_key", length = 100, nullable = false)
  private String participantKey;

  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  @Column(name = "channel", length = 16, nullable = false)
  private String channel;

  /** For Jakarta Persistence only. */
  protected ParticipationRecord() {}

  ParticipationRecord(String id, String participantKey, String budgetId, String channel) {
    this.id = id;
    this.participantKey = participantKey;
    this.budgetId = budgetId;
    this.channel = channel;
  }

  /**
   * The channel the ballot came through.
   *
   * @return online or paper
   */
  public String channel() {
    return channel;
  }
}
