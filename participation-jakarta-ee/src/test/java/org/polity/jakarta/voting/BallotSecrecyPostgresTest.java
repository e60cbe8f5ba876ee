package org.polity.jakarta.voting;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.polity.jakarta.config.DatabaseSettings;
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
                4,
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
