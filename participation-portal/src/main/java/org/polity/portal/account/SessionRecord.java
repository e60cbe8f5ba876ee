package org.polity.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One signed-in session ({@code polity_account_session}), keyed by the SHA-256 of its token: the
 * token itself is only in the browser's cookie.
 */
@Entity
@Table(name = "polity_account_session")
public class SessionRecord {

  @Id
  @Column(name = "token_hash", length = 64, nullable = false)
  String tokenHash;

  @Column(name = "account_id", length = 36, nullable = false)
  String accountId;

  @Column(name = "created_at", nullable = false)
  OffsetDateTime createdAt;

  @Column(name = "last_seen_at", nullable = false)
  OffsetDateTime lastSeenAt;

  /** For Jakarta Persistence only. */
  protected SessionRecord() {}

  SessionRecord(String tokenHash, String accountId, OffsetDateTime createdAt) {
    this.tokenHash = tokenHash;
    this.accountId = accountId;
    this.createdAt = createdAt;
    this.lastSeenAt = createdAt;
  }
}
