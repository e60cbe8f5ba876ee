package org.polity.portal.account;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;

/**
 * The main flow of the portal's accounts on PostgreSQL (skipped when {@code
 * POLITY_TEST_POSTGRES_URL} is not set): the migration and the entities work there too.
 */
class PostgresAccountPagesTest {

  @Test
  void aResidentSignsUpSignsInAndSeesTheirAccountOnPostgres() {
    Optional<Map<String, String>> postgres = TestDatabase.postgres();
    assumeTrue(postgres.isPresent(), "POLITY_TEST_POSTGRES_URL is not set");
    Map<String, String> settings = new HashMap<>(postgres.get());
    settings.put("polity.mode", "development");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      AccountPagesTest.signUpSignInAndSeeTheAccount(server);
    }
  }
}
