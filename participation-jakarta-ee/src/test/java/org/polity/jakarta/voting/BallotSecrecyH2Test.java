package org.polity.jakarta.voting;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.config.DatabaseSettings;
import org.polity.jakarta.persistence.PolityDatabase;

/** Ballot secrecy in H2's raw tables, in file mode, ordered by {@code _ROWID_}. */
class BallotSecrecyH2Test extends BallotSecrecyContract {

  @TempDir static Path data;
  static PolityDatabase database;

  @BeforeAll
  static void openDatabase() {
    database =
        PolityDatabase.open(
            new DatabaseSettings(
                Optional.empty(),
                Optional.of("jdbc:h2:file:" + data.resolve("secrecy").toAbsolutePath()),
                "",
                "",
                4,
                true),
            new VotingCapability());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @Override
  PolityDatabase database() {
    return database;
  }

  @Override
  String physicalOrder() {
    return "_ROWID_";
  }
}
