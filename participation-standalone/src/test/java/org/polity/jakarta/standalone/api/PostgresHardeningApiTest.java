package org.polity.jakarta.standalone.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.polity.jakarta.testing.TestDatabase;

/**
 * The hardening findings on PostgreSQL, the production database. Skipped, with a message, when
 * POLITY_TEST_POSTGRES_URL is not set; .ci/run always sets it.
 */
class PostgresHardeningApiTest extends HardeningApiContract {

  @BeforeAll
  static void startOnPostgres() {
    Optional<Map<String, String>> database = TestDatabase.postgres();
    assumeTrue(
        database.isPresent(),
        "PostgreSQL tests skipped: set " + TestDatabase.URL_ENV + " (.ci/run does).");
    start(database.get());
  }
}
