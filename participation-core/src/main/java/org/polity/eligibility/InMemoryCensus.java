package org.polity.eligibility;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusEntry;
import org.polity.eligibility.spi.CensusSource;
import org.polity.identity.ParticipantKey;

/**
 * A census list held in memory as a set of participant keys (a list drawn up by hand, a test
 * fixture). Immutable and thread safe.
 */
public final class InMemoryCensus implements CensusSource {

  private final LocalizedText name;
  private final Set<ParticipantKey> members;
  private final Map<ParticipantKey, String> households;

  /**
   * A list whose households are unknown (each member a household of their own when listed).
   *
   * @param name the list's name, for messages
   * @param members the members' keys
   */
  public InMemoryCensus(LocalizedText name, Collection<ParticipantKey> members) {
    this.name = Objects.requireNonNull(name, "name");
    this.members = Set.copyOf(members);
    this.households = Map.of();
  }

  /**
   * A register with households: each member's key and opaque household key, so that invitations can
   * be drawn per household.
   *
   * @param name the register's name, for messages
   * @param households the household key of each member
   */
  public InMemoryCensus(LocalizedText name, Map<ParticipantKey, String> households) {
    this.name = Objects.requireNonNull(name, "name");
    this.households = Map.copyOf(households);
    this.members = this.households.keySet();
  }

  @Override
  public LocalizedText name() {
    return name;
  }

  @Override
  public CensusAnswer lookup(ParticipantKey participant) {
    return members.contains(Objects.requireNonNull(participant, "participant"))
        ? CensusAnswer.MEMBER
        : CensusAnswer.NOT_MEMBER;
  }

  @Override
  public Optional<Stream<CensusEntry>> entries() {
    return Optional.of(
        members.stream()
            .map(
                key -> {
                  String household = households.get(key);
                  return household == null
                      ? CensusEntry.alone(key)
                      : new CensusEntry(key, household);
                }));
  }

  /**
   * @return the number of keys on the list
   */
  public int size() {
    return members.size();
  }
}
