package org.polity.jakarta.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
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
import org.polity.identity.IdentifierScheme;
import org.polity.identity.IdentifierSchemes;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.security.PolityRole;

/**
 * Every setting of the adapter, read once from MicroProfile Config and checked as a whole.
 *
 * <table>
 *   <caption>Keys (docs/embedding.md explains each)</caption>
 *   <tr><th>Key</th><th>Type</th><th>Default</th></tr>
 *   <tr><td>{@value #MODE}</td><td>production | development</td><td>production</td></tr>
 *   <tr><td>{@value #PARTICIPANT_KEY_CURRENT}</td><td>key version</td>
 *       <td>none (required in production)</td></tr>
 *   <tr><td>{@code polity.participant-key.secret.<version>}</td><td>base64, 32+ bytes</td>
 *       <td>none (required in production)</td></tr>
 *   <tr><td>{@value #PARTICIPANT_KEY_PREVIOUS}</td><td>comma-separated versions</td>
 *       <td>empty</td></tr>
 *   <tr><td>{@value #PARTICIPANT_KEY_SCHEME}</td><td>opaque | be-nrn</td><td>opaque</td></tr>
 *   <tr><td>{@value #BALLOT_SLOT_SECRET}</td><td>base64, 32+ bytes</td>
 *       <td>none (required in production)</td></tr>
 *   <tr><td>{@value #DATASOURCE_JNDI_NAME}</td><td>string</td><td>none</td></tr>
 *   <tr><td>{@value #DATABASE_URL}</td><td>JDBC URL</td><td>none</td></tr>
 *   <tr><td>{@value #DATABASE_USER}</td><td>string</td><td>empty</td></tr>
 *   <tr><td>{@value #DATABASE_PASSWORD}</td><td>string</td><td>empty</td></tr>
 *   <tr><td>{@value #DATABASE_POOL_SIZE}</td><td>integer</td><td>10</td></tr>
 *   <tr><td>{@value #DATABASE_MIGRATE}</td><td>boolean</td><td>true</td></tr>
 *   <tr><td>{@code polity.roles.<role>}</td><td>comma-separated portal roles</td>
 *       <td>the Polity role's own name; {@code *} (any signed-in user) for participant</td></tr>
 *   <tr><td>{@value #PHASES_CHECK_INTERVAL}</td><td>ISO-8601 duration</td><td>PT1M; PT0S turns
 *       the checks off</td></tr>
 * </table>
 *
 * @param mode where Polity runs
 * @param participantKeyer turns the portal's user identifier into a participant key (core's
 *     {@link ParticipantKeyer}, with its versioned secrets)
 * @param ballotSlotSecret the pepper from which each vote's ballot-slot secret is derived
 * @param database where the data lives
 * @param roleMapping for each Polity role, the portal roles that grant it
 * @param phaseCheckInterval how often the phases of processes that follow their dates are moved
 *     and announced; zero turns the checks off (phases then move when a process is next read)
 */
public record PolitySettings(
    Mode mode,
    ParticipantKeyer participantKeyer,
    byte[] ballotSlotSecret,
    DatabaseSettings database,
    Map<PolityRole, Set<String>> roleMapping,
    Duration phaseCheckInterval) {

  /** {@code polity.mode}. */
  public static final String MODE = "polity.mode";
  /** {@code polity.participant-key.current}: the version of the secret that keys new identities. */
  public static final String PARTICIPANT_KEY_CURRENT = "polity.participant-key.current";
  /** Prefix of {@code polity.participant-key.secret.<version>}. */
  public static final String PARTICIPANT_KEY_SECRET_PREFIX = "polity.participant-key.secret.";
  /** {@code polity.participant-key.previous}: older versions still recognised. */
  public static final String PARTICIPANT_KEY_PREVIOUS = "polity.participant-key.previous";
  /** {@code polity.participant-key.scheme}: what the portal's user name is. */
  public static final String PARTICIPANT_KEY_SCHEME = "polity.participant-key.scheme";
  /** {@code polity.ballot-slot.secret}. */
  public static final String BALLOT_SLOT_SECRET = "polity.ballot-slot.secret";
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
  /** Prefix of the role-mapping keys: {@code polity.roles.participant} and so on. */
  public static final String ROLES_PREFIX = "polity.roles.";
  /** {@code polity.phases.check-interval}: how often date-driven phase moves are made. */
  public static final String PHASES_CHECK_INTERVAL = "polity.phases.check-interval";
  /** The portal-role value that means "any signed-in user". */
  public static final String ANY_SIGNED_IN_USER = "*";

  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  /** A publicly known secret (base64) used in development mode only; never safe in production. */
  static final String DEVELOPMENT_SECRET =
      Base64.getEncoder().encodeToString(
          "polity-development-secret-NOT-FOR-PRODUCTION".getBytes(StandardCharsets.UTF_8));

  private static final Logger LOG = Logger.getLogger(PolitySettings.class.getName());

  /** Copies the mutable parts. */
  public PolitySettings {
    ballotSlotSecret = ballotSlotSecret.clone();
    Map<PolityRole, Set<String>> copy = new LinkedHashMap<>();
    roleMapping.forEach((role, names) -> copy.put(role, Set.copyOf(names)));
    roleMapping = Map.copyOf(copy);
    if (phaseCheckInterval.isNegative()) {
      throw new IllegalArgumentException("The phase check interval " + phaseCheckInterval
          + " is negative: give a positive duration, or PT0S to turn the checks off.");
    }
  }

  /**
   * The ballot-slot pepper, as a copy.
   *
   * @return the secret bytes
   */
  @Override
  public byte[] ballotSlotSecret() {
    return ballotSlotSecret.clone();
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

    ParticipantKeyer keyer = null;
    try {
      keyer = participantKeyer(config, mode);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    byte[] slotSecret = new byte[0];
    Optional<String> slotText = config.getOptionalValue(BALLOT_SLOT_SECRET, String.class);
    if (slotText.isEmpty() && mode == Mode.DEVELOPMENT) {
      LOG.warning(BALLOT_SLOT_SECRET + " is not set: development mode uses a publicly known secret.");
      slotText = Optional.of(DEVELOPMENT_SECRET);
    }
    if (slotText.isEmpty()) {
      problems.add(BALLOT_SLOT_SECRET + " is not set: it is required outside development mode."
          + " Set it to " + MIN_SECRET_BYTES + " or more random bytes in base64 (`openssl rand"
          + " -base64 32`), or set " + MODE + "=development on a developer's machine.");
    } else {
      try {
        slotSecret = Base64.getDecoder().decode(slotText.get().strip());
        if (slotSecret.length < MIN_SECRET_BYTES) {
          problems.add(BALLOT_SLOT_SECRET + " has " + slotSecret.length + " bytes: give at least "
              + MIN_SECRET_BYTES + " random bytes (`openssl rand -base64 32`).");
        }
      } catch (IllegalArgumentException e) {
        problems.add(BALLOT_SLOT_SECRET + " is not base64: generate it with `openssl rand -base64 32`.");
      }
    }

    int poolSize = 10;
    try {
      poolSize = config.getOptionalValue(DATABASE_POOL_SIZE, Integer.class).orElse(10);
    } catch (IllegalArgumentException e) {
      problems.add(DATABASE_POOL_SIZE + " is not a whole number: " + e.getMessage());
    }
    boolean migrate = booleanOf(config, DATABASE_MIGRATE, true, problems);

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

    Duration phaseCheckInterval = Duration.ofMinutes(1);
    Optional<String> intervalText = config.getOptionalValue(PHASES_CHECK_INTERVAL, String.class);
    if (intervalText.isPresent()) {
      try {
        phaseCheckInterval = Duration.parse(intervalText.get().trim());
        if (phaseCheckInterval.isNegative()) {
          problems.add(PHASES_CHECK_INTERVAL + " is negative (" + intervalText.get() + "): give a"
              + " duration such as PT1M, or PT0S to turn the checks off.");
        }
      } catch (java.time.format.DateTimeParseException e) {
        problems.add(PHASES_CHECK_INTERVAL + " is not an ISO-8601 duration (" + intervalText.get()
            + "): write it like PT1M (one minute) or PT30S.");
      }
    }

    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new PolitySettings(mode, keyer, slotSecret, database, roles, phaseCheckInterval);
  }

  private static ParticipantKeyer participantKeyer(Config config, Mode mode) {
    // Look the keys up by name (not by enumerating), so that environment variables such as
    // POLITY_PARTICIPANT_KEY_SECRET_V1 are found too.
    Properties properties = new Properties();
    for (String name : List.of(PARTICIPANT_KEY_CURRENT, PARTICIPANT_KEY_PREVIOUS, PARTICIPANT_KEY_SCHEME)) {
      config.getOptionalValue(name, String.class).ifPresent(v -> properties.setProperty(name, v));
    }
    List<String> versions = new ArrayList<>();
    versions.add(properties.getProperty(PARTICIPANT_KEY_CURRENT, ""));
    versions.addAll(Arrays.asList(properties.getProperty(PARTICIPANT_KEY_PREVIOUS, "").split(",")));
    for (String version : versions) {
      String name = PARTICIPANT_KEY_SECRET_PREFIX + version.strip();
      if (!version.isBlank()) {
        config.getOptionalValue(name, String.class).ifPresent(v -> properties.setProperty(name, v));
      }
    }
    if (!properties.containsKey(PARTICIPANT_KEY_CURRENT) && mode == Mode.DEVELOPMENT) {
      LOG.warning(PARTICIPANT_KEY_CURRENT + " is not set: development mode uses a publicly known"
          + " participant-key secret. Never do this in production.");
      properties.setProperty(PARTICIPANT_KEY_CURRENT, "dev");
      properties.setProperty(PARTICIPANT_KEY_SECRET_PREFIX + "dev", DEVELOPMENT_SECRET);
    }
    if (!properties.containsKey(PARTICIPANT_KEY_CURRENT)) {
      throw new IllegalArgumentException(PARTICIPANT_KEY_CURRENT + " is not set: it is required"
          + " outside development mode. Name the current secret version (e.g. v1) and give "
          + PARTICIPANT_KEY_SECRET_PREFIX + "v1 = 32 or more random bytes in base64 (`openssl"
          + " rand -base64 32`), kept secret; or set " + MODE + "=development on a developer's"
          + " machine.");
    }
    String scheme = properties.getProperty(PARTICIPANT_KEY_SCHEME, "opaque").strip();
    IdentifierScheme identifiers = switch (scheme) {
      case "opaque" -> IdentifierSchemes.opaque("portal-user", false);
      case "be-nrn" -> IdentifierSchemes.belgianNationalNumber();
      default -> throw new IllegalArgumentException(PARTICIPANT_KEY_SCHEME + " is '" + scheme
          + "': use opaque (the portal's user name as given) or be-nrn (a Belgian national"
          + " number).");
    };
    return ParticipantKeyer.fromProperties(properties, identifiers);
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
    return "PolitySettings[mode=" + mode + ", participantKeyer=" + participantKeyer
        + ", database=" + database + ", roleMapping=" + roleMapping + "]";
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
