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

  /** The ballot form, as {@link BallotFormJson#toStored}; null for a vote declared without one. */
  @Column(name = "form", length = 2000)
  private String form;

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
    this.form = settings.form().map(BallotFormJson::toStored).orElse(null);
  }

  /** Replaces every setting, before the first ballot (a new declaration). */
  void redeclare(VoteSettings settings, String newSlotSalt) {
    this.opensAt = settings.opensAt().atOffset(ZoneOffset.UTC);
    this.closesAt = settings.closesAt().atOffset(ZoneOffset.UTC);
    this.deskUntil = settings.deskEncodingUntil().atOffset(ZoneOffset.UTC);
    this.changesAllowed = settings.changesAllowed();
    this.secondEncoderRequired = settings.secondEncoderRequired();
    this.slotSalt = newSlotSalt;
    this.form = settings.form().map(BallotFormJson::toStored).orElse(null);
  }

  /** Moves the close and the end of desk encoding. */
  void reschedule(java.time.Instant newClosesAt, java.time.Instant newDeskUntil) {
    this.closesAt = newClosesAt.atOffset(ZoneOffset.UTC);
    this.deskUntil = newDeskUntil.atOffset(ZoneOffset.UTC);
  }

  VoteSettings settings() {
    return new VoteSettings(
        BudgetId.of(budgetId),
        opensAt.toInstant(),
        closesAt.toInstant(),
        deskUntil.toInstant(),
        changesAllowed,
        secondEncoderRequired,
        java.util.Optional.ofNullable(form).map(BallotFormJson::fromStored));
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
