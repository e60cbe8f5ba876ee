package org.polity.jakarta.standalone.api;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.testing.TestDatabase;

/** The hardening findings on H2 in file mode, the embedded default. */
class H2HardeningApiTest extends HardeningApiContract {

  @TempDir static Path data;

  @BeforeAll
  static void startOnH2() {
    start(TestDatabase.h2(data));
  }
}
