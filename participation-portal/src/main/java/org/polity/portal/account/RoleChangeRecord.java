package org.polity.portal.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One change of an account's roles ({@code polity_account_role_change}): who made it (a sign-in
 * subject, such as {@code account:<id>}), the roles before and after, the reason given, when. Only
 * {@link AccountService} touches it.
 */
@Entity
@Table(name = "polity_account_role_change")
public class RoleChangeRecord {

  @Id
  @Column(name = "id", length = 36, nullable = false)
  String id;

  @Column(name = "account_id", length = 36, nullable = false)
  String accountId;

  @Column(name = "changed_by", length = 200, nullable = false)
  String changedBy;

  /** Polity role names, comma-separated. */
  @Column(name = "roles_before", length = 200, nullable = false)
  String rolesBefore;

  /** Polity role names, comma-separated. */
  @Column(name = "roles_after", length = 200, nullable = false)
  String rolesAfter;

  @Column(name = "reason", length = 500)
  String reason;

  @Column(name = "changed_at", nullable = false)
  OffsetDateTime changedAt;

  /** For Jakarta Persistence only. */
  protected RoleChangeRecord() {}

  RoleChangeRecord(
      String id,
      String accountId,
      String changedBy,
      String rolesBefore,
      String rolesAfter,
      String reason,
      OffsetDateTime changedAt) {
    this.id = id;
    this.accountId = accountId;
    this.changedBy = changedBy;
    this.rolesBefore = rolesBefore;
    this.rolesAfter = rolesAfter;
    this.reason = reason;
    this.changedAt = changedAt;
  }
}
