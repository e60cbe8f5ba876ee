package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored ballot: its budget, its contents and its receipt code, and no participant. The slot
 * (a keyed hash of participant and budget) lets its author replace it; without the secret it
 * cannot be joined to a {@link ParticipationRecord}. A storage class of the adapter, not a domain
 * type: the domain's ballot is {@link org.polity.ballot.Ballot}.
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

  @Column(name = "receipt_code", length = 32, nullable = false)
  private String receiptCode;

  @Column(name = "kind", length = 16, nullable = false)
  private String kind;

  @Column(name = "contents", length = 20000, nullable = false)
  private String contents;

  @Column(name = "revision", nullable = false)
  private int revision;

  /** For Jakarta Persistence only. */
  protected BallotRecord() {}

  BallotRecord(String id, String budgetId, String slot, String receiptCode, String kind, String contents) {
    this.id = id;
    this.budgetId = budgetId;
    this.slot = slot;
    this.receiptCode = receiptCode;
    this.kind = kind;
    this.contents = contents;
    this.revision = 1;
  }

  void replace(String newReceiptCode, String newKind, String newContents) {
    this.receiptCode = newReceiptCode;
    this.kind = newKind;
    this.contents = newContents;
    this.revision++;
  }

  /**
   * The budget.
   *
   * @return the budget identifier
   */
  public String budgetId() {
    return budgetId;
  }

  /**
   * The current receipt code.
   *
   * @return the code
   */
  public String receiptCode() {
    return receiptCode;
  }

  /**
   * The ballot as JSON ({@link BallotJson}).
   *
   * @return the contents
   */
  public String contents() {
    return contents;
  }

  /**
   * How many times the ballot was cast (1 for never replaced).
   *
   * @return the revision
   */
  public int revision() {
    return revision;
  }
}
