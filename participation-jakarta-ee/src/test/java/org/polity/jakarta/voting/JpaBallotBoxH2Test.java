package org.polity.jakarta.voting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.config.DatabaseSettings;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.voting.BallotBox;
import org.polity.voting.BallotBoxContract;

/** Core's ballot-box contract on the database ballot box, on H2 in file mode. */
class JpaBallotBoxH2Test extends BallotBoxContract {

  @TempDir static Path data;
  static PolityDatabase database;

  @BeforeAll
  static void openDatabase() {
    database =
        PolityDatabase.open(
            new DatabaseSettings(
                Optional.empty(),
                Optional.of(
                    "jdbc:h2:file:" + data.resolve("box").toAbsolutePath() + ";LOCK_TIMEOUT=10000"),
                "",
                "",
                16,
                true),
            new VotingCapability());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Override
  protected BallotBox createBox(Clock clock) {
    return JpaBallotBoxes.fresh(database, clock);
  }
}
