package org.polity.eligibility;

/** The parts of an {@link Address} a residence rule may need. */
public enum AddressPart {
  /** The municipality code. */
  MUNICIPALITY,
  /** The postal code. */
  POSTAL_CODE,
  /** The address point. */
  POINT
}
