package org.polity.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One account of the portal ({@code polity_account}); only {@link AccountService} touches it. */
@Entity
@Table(name = "polity_account")
public class AccountRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  String id;

  @Column(name = "email", length = 254, nullable = false)
  String email;

  @Column(name = "display_name", length = 100, nullable = false)
  String displayName;

  @Column(name = "password_hash", length = 200, nullable = false)
  String passwordHash;

  /** Polity role names, comma-separated. */
  @Column(name = "roles", length = 200, nullable = false)
  String roles;

  @Column(name = "language", length = 5, nullable = false)
  String language;

  @Column(name = "created_at", nullable = false)
  OffsetDateTime createdAt;

  @Column(name = "verified_birth_date")
  LocalDate verifiedBirthDate;

  @Column(name = "verified_municipality", length = 20)
  String verifiedMunicipality;

  @Column(name = "verified_postal_code", length = 20)
  String verifiedPostalCode;

  @Column(name = "verified_document", length = 40)
  String verifiedDocument;

  @Column(name = "verified_by", length = 40)
  String verifiedBy;

  @Column(name = "verified_at")
  OffsetDateTime verifiedAt;

  /** For Jakarta Persistence only. */
  protected AccountRecord() {}

  AccountRecord(
      String id,
      String email,
      String displayName,
      String passwordHash,
      String roles,
      String language,
      OffsetDateTime createdAt) {
    this.id = id;
    this.email = email;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.roles = roles;
    this.language = language;
    this.createdAt = createdAt;
  }
}
