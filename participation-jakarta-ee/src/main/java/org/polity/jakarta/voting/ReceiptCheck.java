package org.polity.jakarta.voting;

import java.util.Objects;
import org.polity.common.BudgetId;

/**
 * What a receipt code proves: that a ballot with these contents counts in this budget. The digest
 * is the SHA-256 of the stored ballot JSON, so a participant who kept their ballot can compare it
 * without the server repeating the contents to whoever holds the code.
 *
 * @param receiptCode the code
 * @param budget the budget
 * @param kind approval, cardinal, cumulative or ordinal
 * @param contentsDigest hex SHA-256 of the ballot JSON as stored
 */
public record ReceiptCheck(String receiptCode, BudgetId budget, String kind, String contentsDigest) {
  /** Refuses nulls. */
  public ReceiptCheck {
    Objects.requireNonNull(receiptCode, "receiptCode");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(contentsDigest, "contentsDigest");
  }
}
