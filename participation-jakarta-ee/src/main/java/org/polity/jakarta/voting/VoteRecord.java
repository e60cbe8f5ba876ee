package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
  private OffsetDateTime opensAt;

  @Column(name = "closes_at", nullable = false)
  private OffsetDateTime closesAt;

  @Column(name = "desk_until", nullable = false)
  private OffsetDateTime deskUntil;

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
    // OffsetDateTime in UTC, not Instant: Jakarta Persistence 3.1 maps OffsetDateTime on every
    // provider (EclipseLink 4 would serialise an Instant into a blob).
    this.opensAt = settings.opensAt().atOffset(ZoneOffset.UTC);
    this.closesAt = settings.closesAt().atOffset(ZoneOffset.UTC);
    this.deskUntil = settings.deskEncodingUntil().atOffset(ZoneOffset.UTC);
    this.changesAllowed = settings.changesAllowed();
    this.secondEncoderRequired = settings.secondEncoderRequired();
    this.slotSalt = slotSalt;
  }

  VoteSettings settings() {
    return new VoteSettings(
        BudgetId.of(budgetId),
        opensAt.toInstant(),
        closesAt.toInstant(),
        deskUntil.toInstant(),
        changesAllowed,
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
