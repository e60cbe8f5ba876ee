package org.polity.jakarta.voting;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.voting.BallotBox;

/** Builds fresh, empty database ballot boxes for the contract tests. */
final class JpaBallotBoxes {

  private JpaBallotBoxes() {}

  /** Empties the ballot-box tables and returns a box on them. */
  static BallotBox fresh(PolityDatabase database, Clock clock) {
    database.inTransaction(
        em -> {
          for (String table :
              new String[] {
                "polity_pending_encoding",
                "polity_ballot",
                "polity_participation",
                "polity_vote_change",
                "polity_desk_attestation",
                "polity_vote"
              }) {
            em.createNativeQuery("delete from " + table).executeUpdate();
          }
          return null;
        });
    byte[] pepper = new byte[32];
    Arrays.fill(pepper, (byte) 3);
    return new JpaBallotBox(database, pepper, clock, new SecureRandom(), event -> {});
  }
}
