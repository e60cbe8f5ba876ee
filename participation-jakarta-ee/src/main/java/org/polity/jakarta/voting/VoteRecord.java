package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.polity.common.BudgetId;
import org.polity.voting.VoteSettings;

/** A vote declared on a budget ({@link VoteSettings}), its slot salt and whether it is sealed. */
@Entity
@Table(name = "polity_vote")
public class VoteRecord {

  @Id
  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  @Column(name = "opens_at", nullable = false)
  private Instant opensAt;

  @Column(name = "closes_at", nullable = false)
  private Instant closesAt;

  @Column(name = "desk_until", nullable = false)
  private Instant deskUntil;

  @Column(name = "changes_allowed", nullable = false)
  private boolean changesAllowed;

  @Column(name = "second_encoder_required", nullable = false)
  private boolean secondEncoderRequired;

  @Column(name = "slot_salt", length = 64)
  private String slotSalt;

  @Column(name = "sealed", nullable = false)
  private boolean sealed;

  /** For Jakarta Persistence only. */
  protected VoteRecord() {}

  VoteRecord(VoteSettings settings, String slotSalt) {
    this.budgetId = settings.budget().value();
    this.opensAt = settings.opensAt();
    this.closesAt = settings.closesAt();
    this.deskUntil = settings.deskEncodingUntil();
    this.changesAllowed = settings.changesAllowed();
    this.secondEncoderRequired = settings.secondEncoderRequired();
    this.slotSalt = slotSalt;
  }

  VoteSettings settings() {
    return new VoteSettings(BudgetId.of(budgetId), opensAt, closesAt, deskUntil, changesAllowed,
        secondEncoderRequired);
  }

  String slotSalt() {
    return slotSalt;
  }

  boolean sealed() {
    return sealed;
  }

  void seal() {
    slotSalt = null;
    sealed = true;
  }
}
