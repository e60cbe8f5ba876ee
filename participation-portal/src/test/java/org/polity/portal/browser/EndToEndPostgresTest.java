package org.polity.portal.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.polity.jakarta.testing.TestDatabase;

/**
 * The end-to-end flow on PostgreSQL, the production database. Skipped, with a message, when
 * POLITY_TEST_POSTGRES_URL is not set; .ci/run always sets it.
 */
class EndToEndPostgresTest extends EndToEndContract {

  @BeforeAll
  static void startOnPostgres() {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
    Optional<Map<String, String>> database = TestDatabase.postgres();
    assumeTrue(
        database.isPresent(),
        "PostgreSQL tests skipped: set " + TestDatabase.URL_ENV + " (.ci/run does).");
    start(database.get());
  }
}
