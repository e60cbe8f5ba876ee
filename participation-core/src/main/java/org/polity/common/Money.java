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

  /**
   * The most digits before the decimal point an amount may have: fifteen, short of a quadrillion
   * (no public budget comes near), so that no amount makes {@code BigDecimal} compute a power.
   */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** The most digits after the decimal point an amount may have. */
  public static final int MAX_FRACTION_DIGITS = 6;

  /**
   * Validates the parts, refusing an amount out of range before any arithmetic: an exponent such as
   * {@code 1e10000000} would otherwise make {@link BigDecimal#setScale(int)} compute a power of ten
   * of ten million digits.
   *
   * <p>The constructor allows twice as many digits as an amount read from outside ({@link
   * #of(String, String)}, {@link #checkRange(BigDecimal)}), so that sums of amounts in range stay
   * in range.
   *
   * @throws IllegalArgumentException for an amount of more than twice {@value #MAX_INTEGER_DIGITS}
   *     digits before the point or {@value #MAX_FRACTION_DIGITS} after it (trailing zeros aside)
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    checkRange(amount, 2 * MAX_INTEGER_DIGITS, 2 * MAX_FRACTION_DIGITS);
    amount = amount.stripTrailingZeros();
    if (amount.scale() < 0) {
      amount = amount.setScale(0);
    }
  }

  /**
   * Refuses an amount with too many digits, looking only at its precision and scale (no arithmetic
   * on the value).
   *
   * @param amount the amount
   * @throws IllegalArgumentException when it is out of range, naming it in scientific notation
   */
  public static void checkRange(BigDecimal amount) {
    checkRange(amount, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
  }

  private static void checkRange(BigDecimal amount, int maxIntegerDigits, int maxFractionDigits) {
    long integerDigits = (long) amount.precision() - amount.scale();
    if (amount.signum() != 0 && integerDigits > maxIntegerDigits) {
      throw new IllegalArgumentException(
          "The amount "
              + shortForm(amount)
              + " is out of range: give at most "
              + maxIntegerDigits
              + " digits before the decimal point.");
    }
    if (amount.scale() > maxFractionDigits
        && amount.signum() != 0
        // Trailing zeros are harmless, but stripping a long unscaled value is work: refuse it.
        && (amount.precision() > 64 || amount.stripTrailingZeros().scale() > maxFractionDigits)) {
      throw new IllegalArgumentException(
          "The amount "
              + shortForm(amount)
              + " is out of range: give at most "
              + maxFractionDigits
              + " digits after the decimal point.");
    }
  }

  private static String shortForm(BigDecimal amount) {
    return amount.precision() > 40
        ? amount.round(new java.math.MathContext(12)).toString()
        : amount.toString();
  }

  /**
   * Money from a decimal string and a currency code.
   *
   * @param amount a decimal such as {@code "165000"} or {@code "12.50"}
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}
   * @return the amount
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    if (amount.length() > 64) {
      throw new IllegalArgumentException(
          "The amount "
              + amount.substring(0, 20)
              + "... is "
              + amount.length()
              + " characters long: give a decimal such as 12.50.");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The amount '" + amount + "' is not a decimal: give one such as 12.50.", e);
    }
    return of(value, currencyCode);
  }

  /**
   * Money from a decimal read from outside (a JSON number), checked by {@link
   * #checkRange(BigDecimal)} first.
   *
   * @param amount the amount
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}
   * @return the amount
   * @throws IllegalArgumentException when the amount is out of range or the code is not a currency
   */
  public static Money of(BigDecimal amount, String currencyCode) {
    checkRange(amount);
    return new Money(amount, Currency.getInstance(currencyCode));
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
