package org.polity.jakarta.voting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.testing.TestDatabase;

/**
 * Ballot secrecy in PostgreSQL's raw tables, ordered by {@code ctid}, with each row's {@code xmin}.
 * Skipped, with a message, when POLITY_TEST_POSTGRES_URL is not set; .ci/run always sets it.
 */
class BallotSecrecyPostgresTest extends BallotSecrecyContract {

  static PolityDatabase database;

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.openPostgres(4, new VotingCapability());
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  PolityDatabase database() {
    return database;
  }

  @Override
  String physicalOrder() {
    return "ctid";
  }

  @Override
  boolean hasTransactionIds() {
    return true;
  }
}
