package org.polity.process;

import java.util.Objects;
import org.polity.common.Money;

/**
 * The money an edition shares: either a fixed amount, or an amount per inhabitant times the
 * population (15 EUR x 34,337 inhabitants = 515,055 EUR).
 */
public sealed interface Envelope permits Envelope.Fixed, Envelope.PerInhabitant {

  /**
   * The total amount of the envelope.
   *
   * @return the amount, never negative
   */
  Money amount();

  /**
   * A fixed envelope.
   *
   * @param amount the amount, not negative
   * @return the envelope
   */
  static Envelope fixed(Money amount) {
    return new Fixed(amount);
  }

  /**
   * An envelope of an amount per inhabitant.
   *
   * @param perInhabitant the amount per inhabitant, not negative
   * @param population the number of inhabitants at the reference date, positive
   * @return the envelope
   */
  static Envelope perInhabitant(Money perInhabitant, long population) {
    return new PerInhabitant(perInhabitant, population);
  }

  /**
   * A fixed envelope.
   *
   * @param amount the amount, not negative
   */
  record Fixed(Money amount) implements Envelope {
    /** Refuses a negative amount. */
    public Fixed {
      Objects.requireNonNull(amount, "amount");
      if (amount.isNegative()) {
        throw new IllegalArgumentException(
            "The envelope " + amount + " is negative: give an amount of zero or more.");
      }
    }
  }

  /**
   * An amount per inhabitant times the population.
   *
   * @param perInhabitant the amount per inhabitant, not negative
   * @param population the number of inhabitants, positive
   */
  record PerInhabitant(Money perInhabitant, long population) implements Envelope {
    /** Refuses a negative amount or a population that is not positive. */
    public PerInhabitant {
      Objects.requireNonNull(perInhabitant, "perInhabitant");
      if (perInhabitant.isNegative()) {
        throw new IllegalArgumentException(
            "The amount per inhabitant " + perInhabitant + " is negative: give zero or more.");
      }
      if (population <= 0) {
        throw new IllegalArgumentException(
            "The population " + population + " is not positive: give the number of inhabitants.");
      }
    }

    @Override
    public Money amount() {
      return perInhabitant.times(population);
    }
  }
}
