package org.polity.jakarta.config;

import java.util.Optional;

/**
 * Where Polity keeps its data: either a data source that the host container manages, looked up by
 * JNDI name, or a JDBC URL for which the adapter opens its own connection pool.
 *
 * @param jndiName {@code polity.datasource.jndi-name}; when present, the URL is ignored
 * @param url {@code polity.database.url}, for example {@code jdbc:h2:file:./data/polity} or {@code
 *     jdbc:postgresql://db:5432/polity}
 * @param user {@code polity.database.user}
 * @param password {@code polity.database.password}
 * @param poolSize {@code polity.database.pool-size}, at least 1
 * @param migrate {@code polity.database.migrate}: whether Flyway migrates the schema at start-up
 */
public record DatabaseSettings(
    Optional<String> jndiName,
    Optional<String> url,
    String user,
    String password,
    int poolSize,
    boolean migrate) {

  /** Refuses a pool of fewer than one connection and a missing location. */
  public DatabaseSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException(
          "polity.database.pool-size is " + poolSize + ": give 1 or more connections.");
    }
    if (jndiName.isEmpty() && url.isEmpty()) {
      throw new IllegalArgumentException(
          "Neither polity.datasource.jndi-name nor polity.database.url is set: set the JNDI name"
              + " of the portal's data source, or a JDBC URL.");
    }
  }

  /**
   * The password, never printed.
   *
   * @return a description without the password
   */
  @Override
  public String toString() {
    return "DatabaseSettings[jndiName="
        + jndiName
        + ", url="
        + url
        + ", user="
        + user
        + ", poolSize="
        + poolSize
        + ", migrate="
        + migrate
        + "]";
  }
}
