package org.polity.jakarta.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The databases the integration tests run against: H2 in file mode (always) and PostgreSQL when
 * {@value #URL_ENV}, {@value #USER_ENV} and {@value #PASSWORD_ENV} are set (CI sets them; see
 * .ci/run).
 */
public final class TestDatabase {

  /** The JDBC URL of the test PostgreSQL database. */
  public static final String URL_ENV = "POLITY_TEST_POSTGRES_URL";

  /** Its user. */
  public static final String USER_ENV = "POLITY_TEST_POSTGRES_USER";

  /** Its password. */
  public static final String PASSWORD_ENV = "POLITY_TEST_POSTGRES_PASSWORD";

  private TestDatabase() {}

  /**
   * Settings for a fresh H2 database in file mode in a directory.
   *
   * @param directory where the database file goes
   * @return the database settings
   */
  public static Map<String, String> h2(Path directory) {
    return Map.of(
        "polity.database.url",
        "jdbc:h2:file:" + directory.resolve("polity").toAbsolutePath() + ";LOCK_TIMEOUT=10000");
  }

  /**
   * Settings for the test PostgreSQL database, if configured.
   *
   * @return the settings, or empty (with a message on stderr) when the variables are absent
   */
  public static Optional<Map<String, String>> postgres() {
    String url = System.getenv(URL_ENV);
    if (url == null || url.isBlank()) {
      System.err.println("SKIPPED PostgreSQL tests: " + URL_ENV + " is not set (.ci/run sets it).");
      return Optional.empty();
    }
    return Optional.of(
        Map.of(
            "polity.database.url", url,
            "polity.database.user", System.getenv().getOrDefault(USER_ENV, ""),
            "polity.database.password", System.getenv().getOrDefault(PASSWORD_ENV, "")));
  }

  /**
   * Opens the test PostgreSQL for some capabilities, or skips the calling test class (JUnit's
   * assumption) when {@link #URL_ENV} is not set; .ci/run always sets it.
   *
   * @param poolSize the connection pool's size
   * @param capabilities the capabilities whose migrations and entities the database needs
   * @return the migrated database
   */
  public static org.polity.jakarta.persistence.PolityDatabase openPostgres(
      int poolSize, org.polity.jakarta.spi.Capability... capabilities) {
    Optional<Map<String, String>> postgres = postgres();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        postgres.isPresent(), "PostgreSQL tests skipped: set " + URL_ENV + " (.ci/run does).");
    Map<String, String> settings = postgres.get();
    return org.polity.jakarta.persistence.PolityDatabase.open(
        new org.polity.jakarta.config.DatabaseSettings(
            Optional.empty(),
            Optional.of(settings.get("polity.database.url")),
            settings.get("polity.database.user"),
            settings.get("polity.database.password"),
            poolSize,
            true),
        capabilities);
  }
}
