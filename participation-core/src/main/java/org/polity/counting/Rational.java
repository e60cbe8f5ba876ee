package org.polity.counting;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number: a numerator and a positive denominator over {@link BigInteger}, always
 * in lowest terms. Counting rules compute with it so that no result can be rounded wrongly; it is
 * converted to decimals only for display.
 */
public final class Rational implements Comparable<Rational> {

  /** Zero. */
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

  /** One. */
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  private final BigInteger numerator;
  private final BigInteger denominator;

  private Rational(BigInteger numerator, BigInteger denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /**
   * The fraction {@code numerator / denominator} in lowest terms.
   *
   * @param numerator any integer
   * @param denominator a non-zero integer
   * @return the fraction
   */
  public static Rational of(BigInteger numerator, BigInteger denominator) {
    if (denominator.signum() == 0) {
      throw new ArithmeticException(
          "The denominator of "
              + numerator
              + "/0 is zero: a fraction needs a non-zero denominator.");
    }
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    if (denominator.equals(BigInteger.ONE)) {
      return new Rational(numerator, denominator);
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE)) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
    return new Rational(numerator, denominator);
  }

  /**
   * The fraction {@code numerator / denominator}.
   *
   * @param numerator any integer
   * @param denominator a non-zero integer
   * @return the fraction
   */
  public static Rational of(long numerator, long denominator) {
    return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /**
   * A whole number.
   *
   * @param value the integer
   * @return the number
   */
  public static Rational of(long value) {
    return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
  }

  /**
   * A whole number.
   *
   * @param value the integer
   * @return the number
   */
  public static Rational of(BigInteger value) {
    return new Rational(value, BigInteger.ONE);
  }

  /**
   * The exact value of a decimal (e.g. {@code 2458488.22} is {@code 245848822/100}).
   *
   * @param value the decimal
   * @return the same number
   */
  public static Rational of(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    if (value.scale() <= 0) {
      return new Rational(value.toBigIntegerExact(), BigInteger.ONE);
    }
    return of(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
  }

  /**
   * Parses {@code "3"}, {@code "-2.5"} or {@code "7/3"}.
   *
   * @param text the number
   * @return the number
   */
  public static Rational parse(String text) {
    int slash = text.indexOf('/');
    if (slash >= 0) {
      return of(
          new BigInteger(text.substring(0, slash).strip()),
          new BigInteger(text.substring(slash + 1).strip()));
    }
    return of(new BigDecimal(text.strip()));
  }

  /**
   * @return the numerator (sign carrier)
   */
  public BigInteger numerator() {
    return numerator;
  }

  /**
   * @return the denominator, always positive
   */
  public BigInteger denominator() {
    return denominator;
  }

  /**
   * Sum.
   *
   * @param other the addend
   * @return this + other
   */
  public Rational plus(Rational other) {
    if (denominator.equals(other.denominator)) {
      return of(numerator.add(other.numerator), denominator);
    }
    return of(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  /**
   * Difference.
   *
   * @param other the subtrahend
   * @return this - other
   */
  public Rational minus(Rational other) {
    return plus(other.negate());
  }

  /**
   * Product.
   *
   * @param other the factor
   * @return this × other
   */
  public Rational times(Rational other) {
    return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
  }

  /**
   * Product with an integer.
   *
   * @param factor the factor
   * @return this × factor
   */
  public Rational times(long factor) {
    return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
  }

  /**
   * Quotient.
   *
   * @param other a non-zero divisor
   * @return this / other
   */
  public Rational dividedBy(Rational other) {
    return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
  }

  /**
   * Quotient by an integer.
   *
   * @param divisor a non-zero integer
   * @return this / divisor
   */
  public Rational dividedBy(long divisor) {
    return of(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
  }

  /**
   * @return -this
   */
  public Rational negate() {
    return new Rational(numerator.negate(), denominator);
  }

  /**
   * @return -1, 0 or 1
   */
  public int signum() {
    return numerator.signum();
  }

  /**
   * @return the largest integer not above this number
   */
  public BigInteger floor() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /**
   * The smaller of two numbers.
   *
   * @param other another number
   * @return the minimum
   */
  public Rational min(Rational other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * A decimal approximation for display.
   *
   * @param scale digits after the decimal point
   * @return the value rounded half-even
   */
  public BigDecimal toDecimal(int scale) {
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
  }

  /**
   * The exact decimal value when there is one (the denominator divides a power of ten).
   *
   * @return the decimal
   * @throws ArithmeticException when the value has no finite decimal expansion
   */
  public BigDecimal toBigDecimalExact() {
    BigDecimal value =
        new BigDecimal(numerator).divide(new BigDecimal(denominator)).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0) : value;
  }

  /**
   * The nearest double, or very close to it (relative error below 1e-15), even when numerator and
   * denominator exceed the range of a double. For fast filters only; never for decisions without a
   * safety margin.
   *
   * @return an approximation
   */
  public double doubleValue() {
    return ratio(numerator, denominator);
  }

  /**
   * {@code n / d} as a double (relative error below 1e-15), without reducing the fraction.
   *
   * @param n a numerator
   * @param d a positive denominator
   * @return an approximation
   */
  public static double ratio(BigInteger numerator, BigInteger denominator) {
    int shift = Math.max(numerator.bitLength(), denominator.bitLength()) - 1000;
    if (shift <= 0) {
      return numerator.doubleValue() / denominator.doubleValue();
    }
    int numBits = numerator.bitLength();
    int denBits = denominator.bitLength();
    // Keep 64 significant bits of each, then scale by the difference of exponents.
    int ns = Math.max(0, numBits - 64);
    int ds = Math.max(0, denBits - 64);
    double high = numerator.shiftRight(ns).doubleValue();
    double low = denominator.shiftRight(ds).doubleValue();
    return Math.scalb(high / low, ns - ds);
  }

  /**
   * Compares {@code this × a} with {@code other × b} exactly, without reducing fractions.
   *
   * @param a a factor for this
   * @param other another number
   * @param b a factor for the other
   * @return negative, zero or positive
   */
  public int compareScaled(long a, Rational other, long b) {
    BigInteger left = numerator.multiply(other.denominator).multiply(BigInteger.valueOf(a));
    BigInteger right = other.numerator.multiply(denominator).multiply(BigInteger.valueOf(b));
    return left.compareTo(right);
  }

  /**
   * Compares {@code this × factor × scale} with {@code other}, exactly, without reducing fractions.
   *
   * @param factor an integer factor
   * @param scale a rational factor
   * @param other the number to compare with
   * @return negative, zero or positive
   */
  public int compareProduct(long factor, Rational scale, Rational other) {
    BigInteger left =
        numerator
            .multiply(scale.numerator)
            .multiply(BigInteger.valueOf(factor))
            .multiply(other.denominator);
    BigInteger right = other.numerator.multiply(denominator).multiply(scale.denominator);
    return left.compareTo(right);
  }

  @Override
  public int compareTo(Rational other) {
    if (denominator.equals(other.denominator)) {
      return numerator.compareTo(other.numerator);
    }
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Rational r
        && numerator.equals(r.numerator)
        && denominator.equals(r.denominator);
  }

  @Override
  public int hashCode() {
    return numerator.hashCode() * 31 + denominator.hashCode();
  }

  @Override
  public String toString() {
    return denominator.equals(BigInteger.ONE)
        ? numerator.toString()
        : numerator + "/" + denominator;
  }
}
