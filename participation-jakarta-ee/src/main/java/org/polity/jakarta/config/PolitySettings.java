package org.polity.jakarta.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.security.PolityRole;

/**
 * Every setting of the adapter, read once from MicroProfile Config and checked as a whole.
 *
 * <table>
 *   <caption>Keys (docs/embedding.md explains each)</caption>
 *   <tr><th>Key</th><th>Type</th><th>Default</th></tr>
 *   <tr><td>{@value #MODE}</td><td>production | development</td><td>production</td></tr>
 *   <tr><td>{@value #PARTICIPANT_KEY_SECRET}</td><td>string, 32+ characters</td>
 *       <td>none (required in production)</td></tr>
 *   <tr><td>{@value #DATASOURCE_JNDI_NAME}</td><td>string</td><td>none</td></tr>
 *   <tr><td>{@value #DATABASE_URL}</td><td>JDBC URL</td><td>none</td></tr>
 *   <tr><td>{@value #DATABASE_USER}</td><td>string</td><td>empty</td></tr>
 *   <tr><td>{@value #DATABASE_PASSWORD}</td><td>string</td><td>empty</td></tr>
 *   <tr><td>{@value #DATABASE_POOL_SIZE}</td><td>integer</td><td>10</td></tr>
 *   <tr><td>{@value #DATABASE_MIGRATE}</td><td>boolean</td><td>true</td></tr>
 *   <tr><td>{@value #VOTING_ALLOW_CHANGE}</td><td>boolean</td><td>true</td></tr>
 *   <tr><td>{@code polity.roles.<role>}</td><td>comma-separated portal roles</td>
 *       <td>the Polity role's own name; {@code *} (any signed-in user) for participant</td></tr>
 * </table>
 *
 * @param mode where Polity runs
 * @param participantKeySecret the secret that turns a portal identity into a participant key
 * @param database where the data lives
 * @param allowBallotChange whether a participant may replace their ballot while voting is open
 * @param roleMapping for each Polity role, the portal roles that grant it
 */
public record PolitySettings(
    Mode mode,
    byte[] participantKeySecret,
    DatabaseSettings database,
    boolean allowBallotChange,
    Map<PolityRole, Set<String>> roleMapping) {

  /** {@code polity.mode}. */
  public static final String MODE = "polity.mode";
  /** {@code polity.participant-key.secret}. */
  public static final String PARTICIPANT_KEY_SECRET = "polity.participant-key.secret";
  /** {@code polity.datasource.jndi-name}. */
  public static final String DATASOURCE_JNDI_NAME = "polity.datasource.jndi-name";
  /** {@code polity.database.url}. */
  public static final String DATABASE_URL = "polity.database.url";
  /** {@code polity.database.user}. */
  public static final String DATABASE_USER = "polity.database.user";
  /** {@code polity.database.password}. */
  public static final String DATABASE_PASSWORD = "polity.database.password";
  /** {@code polity.database.pool-size}. */
  public static final String DATABASE_POOL_SIZE = "polity.database.pool-size";
  /** {@code polity.database.migrate}. */
  public static final String DATABASE_MIGRATE = "polity.database.migrate";
  /** {@code polity.voting.allow-change}. */
  public static final String VOTING_ALLOW_CHANGE = "polity.voting.allow-change";
  /** Prefix of the role-mapping keys: {@code polity.roles.participant} and so on. */
  public static final String ROLES_PREFIX = "polity.roles.";
  /** The portal-role value that means "any signed-in user". */
  public static final String ANY_SIGNED_IN_USER = "*";

  /** The shortest secret accepted: 32 characters (256 bits of a random text). */
  public static final int MIN_SECRET_LENGTH = 32;

  /** A publicly known secret used in development mode only; never safe in production. */
  static final String DEVELOPMENT_SECRET = "polity-development-secret-NOT-FOR-PRODUCTION-0000";

  private static final Logger LOG = Logger.getLogger(PolitySettings.class.getName());

  /** Copies the mutable parts. */
  public PolitySettings {
    participantKeySecret = participantKeySecret.clone();
    Map<PolityRole, Set<String>> copy = new LinkedHashMap<>();
    roleMapping.forEach((role, names) -> copy.put(role, Set.copyOf(names)));
    roleMapping = Map.copyOf(copy);
  }

  /**
   * The secret, as a copy.
   *
   * @return the secret bytes (UTF-8 of the configured text)
   */
  @Override
  public byte[] participantKeySecret() {
    return participantKeySecret.clone();
  }

  /**
   * Reads and checks every setting.
   *
   * @param config the MicroProfile configuration
   * @return the settings
   * @throws ConfigurationException listing every problem found, each with its key and fix
   */
  public static PolitySettings from(Config config) {
    List<String> problems = new ArrayList<>();

    Mode mode = Mode.PRODUCTION;
    Optional<String> modeText = config.getOptionalValue(MODE, String.class);
    if (modeText.isPresent()) {
      try {
        mode = Mode.parse(modeText.get());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }

    byte[] secret = new byte[0];
    Optional<String> secretText = config.getOptionalValue(PARTICIPANT_KEY_SECRET, String.class);
    if (secretText.isEmpty()) {
      if (mode == Mode.DEVELOPMENT) {
        LOG.warning(
            PARTICIPANT_KEY_SECRET
                + " is not set: development mode uses a publicly known secret. Never do this in"
                + " production.");
        secret = DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8);
      } else {
        problems.add(
            PARTICIPANT_KEY_SECRET
                + " is not set: it is required outside development mode. Set it to a random text"
                + " of at least "
                + MIN_SECRET_LENGTH
                + " characters (for example `openssl rand -base64 48`), kept secret and never"
                + " changed during a vote, or set "
                + MODE
                + "=development on a developer's machine.");
      }
    } else if (secretText.get().length() < MIN_SECRET_LENGTH) {
      problems.add(
          PARTICIPANT_KEY_SECRET
              + " has "
              + secretText.get().length()
              + " characters: give at least "
              + MIN_SECRET_LENGTH
              + ".");
    } else {
      secret = secretText.get().getBytes(StandardCharsets.UTF_8);
    }

    int poolSize = 10;
    try {
      poolSize = config.getOptionalValue(DATABASE_POOL_SIZE, Integer.class).orElse(10);
    } catch (IllegalArgumentException e) {
      problems.add(DATABASE_POOL_SIZE + " is not a whole number: " + e.getMessage());
    }
    boolean migrate = booleanOf(config, DATABASE_MIGRATE, true, problems);
    boolean allowChange = booleanOf(config, VOTING_ALLOW_CHANGE, true, problems);

    DatabaseSettings database = null;
    try {
      database =
          new DatabaseSettings(
              config.getOptionalValue(DATASOURCE_JNDI_NAME, String.class),
              config.getOptionalValue(DATABASE_URL, String.class),
              config.getOptionalValue(DATABASE_USER, String.class).orElse(""),
              config.getOptionalValue(DATABASE_PASSWORD, String.class).orElse(""),
              poolSize,
              migrate);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }

    Map<PolityRole, Set<String>> roles = new LinkedHashMap<>();
    for (PolityRole role : PolityRole.values()) {
      if (role == PolityRole.ANONYMOUS) {
        continue;
      }
      String fallback = role == PolityRole.PARTICIPANT ? ANY_SIGNED_IN_USER : role.roleName();
      String value = config.getOptionalValue(ROLES_PREFIX + role.roleName(), String.class)
          .orElse(fallback);
      Set<String> names = Arrays.stream(value.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .collect(Collectors.toCollection(LinkedHashSet::new));
      roles.put(role, names);
    }

    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new PolitySettings(mode, secret, database, allowChange, roles);
  }

  private static boolean booleanOf(Config config, String key, boolean fallback, List<String> problems) {
    Optional<String> text = config.getOptionalValue(key, String.class);
    if (text.isEmpty()) {
      return fallback;
    }
    String value = text.get().trim();
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    problems.add(key + " is '" + value + "': use true or false.");
    return fallback;
  }

  /**
   * A description without the secret or the database password.
   *
   * @return a printable description
   */
  @Override
  public String toString() {
    return "PolitySettings[mode=" + mode + ", database=" + database + ", allowBallotChange="
        + allowBallotChange + ", roleMapping=" + roleMapping + "]";
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
