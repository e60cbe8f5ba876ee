package org.polity.jakarta.cartography;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.polity.jakarta.testing.TestDatabase;

/**
 * {@link InitiativeStoreContract} on PostgreSQL (skipped unless {@code POLITY_TEST_POSTGRES_URL} is
 * set: {@code . .ci/postgres.sh && start_test_postgres}).
 */
class PostgresInitiativeStoreTest extends InitiativeStoreContract {

  @BeforeEach
  void needsPostgres() {
    assumeTrue(TestDatabase.postgres().isPresent(), "PostgreSQL is not configured");
  }

  @Override
  Map<String, String> database() {
    return TestDatabase.postgres().orElseThrow();
  }
}
