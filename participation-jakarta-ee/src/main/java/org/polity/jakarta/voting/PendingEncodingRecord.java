package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A paper ballot waiting for its second encoder; deleted on confirmation or discard. */
@Entity
@Table(name = "polity_pending_encoding")
public class PendingEncodingRecord {

  @Id
  @Column(name = "id", length = 32, nullable = false)
  private String id;

  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  @Column(name = "participant_key", length = 100, nullable = false)
  private String participantKey;

  @Column(name = "encoder", length = 100, nullable = false)
  private String encoder;

  @Column(name = "kind", length = 16, nullable = false)
  private String kind;

  @Column(name = "contents", length = 20000, nullable = false)
  private String contents;

  /** The version of {@link StoredBallots} the contents are written in. */
  @Column(name = "contents_format", nullable = false)
  private int contentsFormat = StoredBallots.FORMAT;

  /** For Jakarta Persistence only. */
  protected PendingEncodingRecord() {}

  PendingEncodingRecord(
      String id,
      String budgetId,
      String participantKey,
      String encoder,
      String kind,
      String contents) {
    this.id = id;
    this.budgetId = budgetId;
    this.participantKey = participantKey;
    this.encoder = encoder;
    this.kind = kind;
    this.contents = contents;
  }

  String budgetId() {
    return budgetId;
  }

  String participantKey() {
    return participantKey;
  }

  String encoder() {
    return encoder;
  }

  String contents() {
    return contents;
  }

  /** The ballot, read from its stored contents. */
  org.polity.ballot.Ballot ballot() {
    return StoredBallots.read(contentsFormat, contents);
  }
}
