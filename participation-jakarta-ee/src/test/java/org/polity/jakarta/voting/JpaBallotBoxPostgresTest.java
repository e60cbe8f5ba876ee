package org.polity.jakarta.voting;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.polity.jakarta.config.DatabaseSettings;
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
    Optional<Map<String, String>> postgres = TestDatabase.postgres();
    assumeTrue(
        postgres.isPresent(),
        "PostgreSQL tests skipped: set " + TestDatabase.URL_ENV + " (.ci/run does).");
    Map<String, String> settings = postgres.get();
    database =
        PolityDatabase.open(
            new DatabaseSettings(
                Optional.empty(),
                Optional.of(settings.get("polity.database.url")),
                settings.get("polity.database.user"),
                settings.get("polity.database.password"),
                16,
                true),
            new VotingCapability());
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
