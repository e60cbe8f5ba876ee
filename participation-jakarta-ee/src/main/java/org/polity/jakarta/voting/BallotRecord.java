package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A counted ballot: budget, slot handle, receipt hash and contents ({@link StoredBallots}); never
 * the participant, the time or the channel.
 */
@Entity
@Table(name = "polity_ballot")
public class BallotRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  @Column(name = "slot", length = 64, nullable = false)
  private String slot;

  @Column(name = "receipt_hash", length = 64, nullable = false)
  private String receiptHash;

  @Column(name = "kind", length = 16, nullable = false)
  private String kind;

  @Column(name = "contents", length = 20000, nullable = false)
  private String contents;

  /** The version of {@link StoredBallots} the contents are written in. */
  @Column(name = "contents_format", nullable = false)
  private int contentsFormat = StoredBallots.FORMAT;

  /** For Jakarta Persistence only. */
  protected BallotRecord() {}

  BallotRecord(
      String id, String budgetId, String slot, String receiptHash, String kind, String contents) {
    this.id = id;
    this.budgetId = budgetId;
    this.slot = slot;
    this.receiptHash = receiptHash;
    this.kind = kind;
    this.contents = contents;
  }

  void replace(String newReceiptHash, String newKind, String newContents) {
    this.receiptHash = newReceiptHash;
    this.kind = newKind;
    this.contents = newContents;
    this.contentsFormat = StoredBallots.FORMAT;
  }

  /** A new row with the same ballot and receipt, under a new id and slot (sealing). */
  BallotRecord rewritten(String newId, String newSlot) {
    BallotRecord copy = new BallotRecord(newId, budgetId, newSlot, receiptHash, kind, contents);
    copy.contentsFormat = contentsFormat;
    return copy;
  }

  String receiptHash() {
    return receiptHash;
  }

  String contents() {
    return contents;
  }

  /** The ballot, read from its stored contents. */
  org.polity.ballot.Ballot ballot() {
    return StoredBallots.read(contentsFormat, contents);
  }
}
