package org.polity.pabulib;

import java.util.Map;
import java.util.Objects;
import org.polity.counting.Election;

/**
 * A {@code .pb} file interpreted for counting.
 *
 * @param election the budget, projects and ballots
 * @param voteType the META {@code vote_type}: approval, choose-1, cumulative, scoring or ordinal
 * @param meta the META pairs as written
 */
public record PabulibElection(Election election, String voteType, Map<String, String> meta) {

  /** Checks the parts and copies the META map. */
  public PabulibElection {
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(voteType, "voteType");
    meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
  }
}
