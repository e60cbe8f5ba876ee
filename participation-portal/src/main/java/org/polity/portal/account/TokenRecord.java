package org.polity.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A one-time token ({@code polity_account_token}): a password reset link ({@code reset}) or the
 * first administrator's set-up link ({@code setup}), stored as its SHA-256 only.
 */
@Entity
@Table(name = "polity_account_token")
public class TokenRecord {

  /** The kind of a password reset token. */
  static final String RESET = "reset";

  /** The kind of the first administrator's set-up token. */
  static final String SETUP = "setup";

  @Id
  @Column(name = "token_hash", length = 64, nullable = false)
  String tokenHash;

  @Column(name = "kind", length = 10, nullable = false)
  String kind;

  @Column(name = "account_id", length = 36)
  String accountId;

  @Column(name = "expires_at", nullable = false)
  OffsetDateTime expiresAt;

  @Column(name = "used", nullable = false)
  boolean used;

  /** For Jakarta Persistence only. */
  protected TokenRecord() {}

  TokenRecord(String tokenHash, String kind, String accountId, OffsetDateTime expiresAt) {
    this.tokenHash = tokenHash;
    this.kind = kind;
    this.accountId = accountId;
    this.expiresAt = expiresAt;
    this.used = false;
  }
}
