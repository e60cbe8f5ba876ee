package org.polity.eligibility.spi;

/** A census source's answer about one participant. */
public enum CensusAnswer {
  /** The participant is on the list. */
  MEMBER,
  /** The participant is not on the list. */
  NOT_MEMBER,
  /** The source cannot answer now (register offline); the decision stays pending. */
  UNAVAILABLE
}
