package org.polity.eligibility.spi;

import java.util.Optional;
import java.util.stream.Stream;
import org.polity.common.LocalizedText;
import org.polity.identity.ParticipantKey;

/**
 * A census list or population register, consulted by participant key: "is this person on the
 * list?". Core offers an in-memory source and a CSV one ({@code
 * org.polity.eligibility.InMemoryCensus}, {@code org.polity.eligibility.CsvCensus}); a municipality
 * plugs its population register in with a {@link CensusSourceProvider}.
 *
 * <p>A source never receives the raw identifier of the person, only the key; a register keyed by
 * national number computes the keys of its entries with the deployment's {@code ParticipantKeyer}
 * (see {@link CensusSettings#keyer()}). Lookups must be thread safe and must not throw for an
 * unknown person ({@link CensusAnswer#NOT_MEMBER}) or an unreachable register ({@link
 * CensusAnswer#UNAVAILABLE}).
 */
public interface CensusSource {

  /**
   * The list's name, shown to people who are not on it ("the population register of Auderghem").
   *
   * @return the name in French, Dutch and English
   */
  LocalizedText name();

  /**
   * Whether a participant is on the list.
   *
   * @param participant the participant's key
   * @return the answer
   */
  CensusAnswer lookup(ParticipantKey participant);

  /**
   * The people on the list, one entry each, for drawing invitations to a citizens' assembly
   * uniformly at random ({@code org.polity.sortition.Invitations}). A register that can only be
   * consulted person by person keeps this default and answers empty.
   *
   * @return every entry once, in any order, or empty if this source cannot list its members
   */
  default Optional<Stream<CensusEntry>> entries() {
    return Optional.empty();
  }
}
