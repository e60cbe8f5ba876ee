package org.polity.jakarta.cartography;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.testing.TestDatabase;

/** {@link InitiativeStoreContract} on an H2 file database (one per test). */
class H2InitiativeStoreTest extends InitiativeStoreContract {

  @TempDir Path data;

  @Override
  Map<String, String> database() {
    return TestDatabase.h2(data);
  }
}
