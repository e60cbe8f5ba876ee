package org.polity.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, exact (no floating point).
 *
 * <p>Costs of projects, envelopes of budgets and amounts left are all {@code Money}. Arithmetic
 * between different currencies is refused.
 *
 * @param amount the exact amount; may be negative only as the result of a subtraction
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /** Validates the parts. */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount = amount.stripTrailingZeros();
    if (amount.scale() < 0) {
      amount = amount.setScale(0);
    }
  }

  /**
   * Money from a decimal string and a currency code.
   *
   * @param amount a decimal such as {@code "165000"} or {@code "12.50"}
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}
   * @return the amount
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  /**
   * Money from a whole number and a currency code.
   *
   * @param amount a whole amount
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}
   * @return the amount
   */
  public static Money of(long amount, String currencyCode) {
    return new Money(BigDecimal.valueOf(amount), Currency.getInstance(currencyCode));
  }

  /**
   * Zero in a currency.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * The sum of two amounts in the same currency.
   *
   * @param other an amount in this currency
   * @return the sum
   */
  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  /**
   * The difference of two amounts in the same currency.
   *
   * @param other an amount in this currency
   * @return this minus other
   */
  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  /**
   * This amount multiplied by a factor (e.g. an amount per inhabitant times a population).
   *
   * @param factor the factor
   * @return the product
   */
  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /**
   * Whether this amount is below zero.
   *
   * @return true if negative
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Cannot combine "
              + this
              + " with "
              + other
              + ": the amounts are in different currencies.");
    }
    return other;
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
