package org.polity.jakarta.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.polity.eligibility.DeskAttestation;

/**
 * What a desk encoder attested before encoding a paper ballot ({@code polity_desk_attestation}):
 * the kinds of evidence checked, the day and the encoder; never a value (no birth date, address or
 * document number), nor the resident's key, nor a link to the ballot.
 */
@Entity
@Table(name = "polity_desk_attestation")
public class DeskAttestationRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  private String id;

  @Column(name = "budget_id", length = 100, nullable = false)
  private String budgetId;

  @Column(name = "encoder", length = 100, nullable = false)
  private String encoder;

  @Column(name = "attested_on", nullable = false)
  private LocalDate attestedOn;

  @Column(name = "document_type", length = 40, nullable = false)
  private String documentType;

  @Column(name = "age_basis", length = 20, nullable = false)
  private String ageBasis;

  @Column(name = "residence_basis", length = 20, nullable = false)
  private String residenceBasis;

  /** For Jakarta Persistence only. */
  protected DeskAttestationRecord() {}

  DeskAttestationRecord(
      String id, String budgetId, String encoder, LocalDate on, DeskAttestation.Basis basis) {
    this.id = id;
    this.budgetId = budgetId;
    this.encoder = encoder;
    this.attestedOn = on;
    this.documentType = basis.documentName();
    this.ageBasis = basis.age();
    this.residenceBasis = basis.residence();
  }
}
