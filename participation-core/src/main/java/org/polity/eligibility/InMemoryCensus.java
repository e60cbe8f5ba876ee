package org.polity.eligibility;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusSource;
import org.polity.identity.ParticipantKey;

/**
 * A census list held in memory as a set of participant keys (a list drawn up by hand, a test
 * fixture). Immutable and thread safe.
 */
public final class InMemoryCensus implements CensusSource {

  private final LocalizedText name;
  private final Set<ParticipantKey> members;

  /**
   * A list.
   *
   * @param name the list's name, for messages
   * @param members the members' keys
   */
  public InMemoryCensus(LocalizedText name, Collection<ParticipantKey> members) {
    this.name = Objects.requireNonNull(name, "name");
    this.members = Set.copyOf(members);
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

  /**
   * @return the number of keys on the list
   */
  public int size() {
    return members.size();
  }
}
