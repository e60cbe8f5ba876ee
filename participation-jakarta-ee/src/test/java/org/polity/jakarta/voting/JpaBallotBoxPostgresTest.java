package org.polity.jakarta.voting;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.voting.BallotBox;
import org.polity.voting.BallotBoxContract;

/**
 * Core's ballot-box contract on the database ballot box, on PostgreSQL. Skipped, with a message,
 * without POLITY_TEST_POSTGRES_URL; .ci/run sets it.
 */
class JpaBallotBoxPostgresTest extends BallotBoxContract {

  static PolityDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.openPostgres(16, new VotingCapability());
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected BallotBox createBox(Clock clock) {
    return JpaBallotBoxes.fresh(database, clock);
  }
}
