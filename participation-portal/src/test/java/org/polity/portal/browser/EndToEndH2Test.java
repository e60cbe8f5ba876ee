package org.polity.portal.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.testing.TestDatabase;

/** The end-to-end flow on the embedded H2 database (the self-hosting default). */
class EndToEndH2Test extends EndToEndContract {

  @TempDir static Path data;

  @BeforeAll
  static void startOnH2() {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
    start(TestDatabase.h2(data));
  }
}
