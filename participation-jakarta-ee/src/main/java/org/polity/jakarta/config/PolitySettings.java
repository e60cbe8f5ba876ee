package org.polity.jakarta.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.polity.eligibility.VerificationLevel;
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
 *   <tr><td>{@value #AUTH_ISSUER}</td><td>string (the {@code iss} of the tokens)</td>
 *       <td>none (standalone production: this, {@value #AUTH_AUDIENCE} and {@value #AUTH_JWKS},
 *       or {@value #AUTH_ANONYMOUS_ONLY})</td></tr>
 *   <tr><td>{@value #AUTH_AUDIENCE}</td><td>comma-separated strings</td><td>none</td></tr>
 *   <tr><td>{@value #AUTH_JWKS}</td><td>https URL, or file path</td><td>none</td></tr>
 *   <tr><td>{@value #AUTH_ALGORITHMS}</td><td>comma-separated JWS algorithms</td>
 *       <td>RS256,ES256</td></tr>
 *   <tr><td>{@value #AUTH_CLOCK_SKEW}</td><td>duration (PT30S, or seconds)</td><td>PT60S</td></tr>
 *   <tr><td>{@value #AUTH_ROLES_CLAIM}</td><td>claim name or dotted path</td><td>groups</td></tr>
 *   <tr><td>{@value #AUTH_USER_CLAIM}</td><td>claim name</td><td>sub</td></tr>
 *   <tr><td>{@value #AUTH_IDENTITY_LEVEL}</td><td>self-declared | identity-provider</td>
 *       <td>self-declared</td></tr>
 *   <tr><td>{@value #AUTH_JWKS_CACHE_TTL}</td><td>duration</td><td>PT5M</td></tr>
 *   <tr><td>{@value #AUTH_JWKS_REFRESH_MIN_INTERVAL}</td><td>duration</td><td>PT30S</td></tr>
 *   <tr><td>{@value #AUTH_ANONYMOUS_ONLY}</td><td>boolean</td><td>false</td></tr>
 *   <tr><td>{@value #AUTH_ACCOUNTS}</td><td>boolean</td><td>false</td></tr>
 * </table>
 *
 * <p>These are the infrastructure's settings. Each capability declares and checks its own (such as
 * {@code polity.phases.check-interval} or {@code polity.map.tiles-url}) in its descriptor, {@link
 * org.polity.jakarta.spi.Capability#settings()}; {@code docs/settings.md} lists them all.
 *
 * @param mode where Polity runs
 * @param participantKeyer turns the portal's user identifier into a participant key (core's {@link
 *     ParticipantKeyer}, with its versioned secrets)
 * @param ballotSlotSecret the pepper from which each vote's ballot-slot secret is derived
 * @param database where the data lives
 * @param roleMapping for each Polity role, the portal roles that grant it
 * @param authentication how callers prove who they are ({@code polity.auth.*}); used by the
 *     standalone server, since a portal authenticates its users itself
 */
public record PolitySettings(
    Mode mode,
    ParticipantKeyer participantKeyer,
    byte[] ballotSlotSecret,
    DatabaseSettings database,
    Map<PolityRole, Set<String>> roleMapping,
    Authentication authentication) {

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

  /** The portal-role value that means "any signed-in user". */
  public static final String ANY_SIGNED_IN_USER = "*";

  /** {@code polity.auth.issuer}: the exact {@code iss} of the access tokens. */
  public static final String AUTH_ISSUER = "polity.auth.issuer";

  /** {@code polity.auth.audience}: the {@code aud} values that designate this API. */
  public static final String AUTH_AUDIENCE = "polity.auth.audience";

  /** {@code polity.auth.jwks}: the identity provider's public keys, an https URL or a file. */
  public static final String AUTH_JWKS = "polity.auth.jwks";

  /** {@code polity.auth.algorithms}: the accepted JWS algorithms. */
  public static final String AUTH_ALGORITHMS = "polity.auth.algorithms";

  /** {@code polity.auth.clock-skew}: the tolerance on expiry and not-before. */
  public static final String AUTH_CLOCK_SKEW = "polity.auth.clock-skew";

  /** {@code polity.auth.roles-claim}: the claim (or dotted path) holding the roles. */
  public static final String AUTH_ROLES_CLAIM = "polity.auth.roles-claim";

  /** {@code polity.auth.user-claim}: the claim naming the person. */
  public static final String AUTH_USER_CLAIM = "polity.auth.user-claim";

  /** {@code polity.auth.identity-level}: how well the identity provider verifies identities. */
  public static final String AUTH_IDENTITY_LEVEL = "polity.auth.identity-level";

  /** {@code polity.auth.jwks-cache-ttl}: how long fetched keys are used. */
  public static final String AUTH_JWKS_CACHE_TTL = "polity.auth.jwks-cache-ttl";

  /** {@code polity.auth.jwks-refresh-min-interval}: the shortest time between two key fetches. */
  public static final String AUTH_JWKS_REFRESH_MIN_INTERVAL =
      "polity.auth.jwks-refresh-min-interval";

  /** {@code polity.auth.anonymous-only}: run the standalone server with no sign-in at all. */
  public static final String AUTH_ANONYMOUS_ONLY = "polity.auth.anonymous-only";

  /** {@code polity.auth.accounts}: people sign in with the self-hosted portal's own accounts. */
  public static final String AUTH_ACCOUNTS = "polity.auth.accounts";

  /** The shortest secret accepted, in bytes. */
  public static final int MIN_SECRET_BYTES = 32;

  /** A publicly known secret (base64) used in development mode only; never safe in production. */
  static final String DEVELOPMENT_SECRET =
      Base64.getEncoder()
          .encodeToString(
              "polity-development-secret-NOT-FOR-PRODUCTION".getBytes(StandardCharsets.UTF_8));

  private static final Logger LOG = Logger.getLogger(PolitySettings.class.getName());

  /** Copies the mutable parts; refuses a null authentication. */
  public PolitySettings {
    java.util.Objects.requireNonNull(authentication, "authentication");
    ballotSlotSecret = ballotSlotSecret.clone();
    Map<PolityRole, Set<String>> copy = new LinkedHashMap<>();
    roleMapping.forEach((role, names) -> copy.put(role, Set.copyOf(names)));
    roleMapping = Map.copyOf(copy);
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
    return read(config, false);
  }

  /**
   * Reads and checks every setting for the standalone server, which has no host to authenticate its
   * callers: in production, {@code polity.auth.*} must configure bearer tokens or say explicitly
   * that nobody signs in ({@value #AUTH_ANONYMOUS_ONLY}).
   *
   * @param config the MicroProfile configuration
   * @return the settings
   * @throws ConfigurationException listing every problem found, each with its key and fix
   */
  public static PolitySettings forStandalone(Config config) {
    return read(config, true);
  }

  private static PolitySettings read(Config config, boolean standalone) {
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
      LOG.warning(
          BALLOT_SLOT_SECRET + " is not set: development mode uses a publicly known secret.");
      slotText = Optional.of(DEVELOPMENT_SECRET);
    }
    if (slotText.isEmpty()) {
      problems.add(
          BALLOT_SLOT_SECRET
              + " is not set: it is required outside development mode."
              + " Set it to "
              + MIN_SECRET_BYTES
              + " or more random bytes in base64 (`openssl rand"
              + " -base64 32`), or set "
              + MODE
              + "=development on a developer's machine.");
    } else {
      try {
        slotSecret = Base64.getDecoder().decode(slotText.get().strip());
        if (slotSecret.length < MIN_SECRET_BYTES) {
          problems.add(
              BALLOT_SLOT_SECRET
                  + " has "
                  + slotSecret.length
                  + " bytes: give at least "
                  + MIN_SECRET_BYTES
                  + " random bytes (`openssl rand -base64 32`).");
        }
      } catch (IllegalArgumentException e) {
        problems.add(
            BALLOT_SLOT_SECRET + " is not base64: generate it with `openssl rand -base64 32`.");
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
      String value =
          config.getOptionalValue(ROLES_PREFIX + role.roleName(), String.class).orElse(fallback);
      Set<String> names =
          Arrays.stream(value.split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .collect(Collectors.toCollection(LinkedHashSet::new));
      roles.put(role, names);
    }

    // Null when polity.auth.* tries to configure tokens but is wrong: those problems are listed.
    Authentication authentication = authentication(config, problems);
    if (standalone
        && mode == Mode.PRODUCTION
        && authentication != null
        && !authentication.authenticatesStandalone()) {
      problems.add(
          "No authentication is configured, and the standalone server has no portal to"
              + " sign people in: set "
              + AUTH_ISSUER
              + ", "
              + AUTH_AUDIENCE
              + " and "
              + AUTH_JWKS
              + " (OpenID Connect access tokens from your identity provider; docs/embedding.md,"
              + " \"Running standalone in production: authentication\"), or set "
              + AUTH_ANONYMOUS_ONLY
              + "=true to serve public reads only, with nobody signed in; or set "
              + AUTH_ACCOUNTS
              + "=true to sign people in with the self-hosted portal's own accounts; or set "
              + MODE
              + "=development on a developer's machine.");
    }

    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new PolitySettings(mode, keyer, slotSecret, database, roles, authentication);
  }

  private static ParticipantKeyer participantKeyer(Config config, Mode mode) {
    // Look the keys up by name (not by enumerating), so that environment variables such as
    // POLITY_PARTICIPANT_KEY_SECRET_V1 are found too.
    Properties properties = new Properties();
    for (String name :
        List.of(PARTICIPANT_KEY_CURRENT, PARTICIPANT_KEY_PREVIOUS, PARTICIPANT_KEY_SCHEME)) {
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
      LOG.warning(
          PARTICIPANT_KEY_CURRENT
              + " is not set: development mode uses a publicly known"
              + " participant-key secret. Never do this in production.");
      properties.setProperty(PARTICIPANT_KEY_CURRENT, "dev");
      properties.setProperty(PARTICIPANT_KEY_SECRET_PREFIX + "dev", DEVELOPMENT_SECRET);
    }
    if (!properties.containsKey(PARTICIPANT_KEY_CURRENT)) {
      throw new IllegalArgumentException(
          PARTICIPANT_KEY_CURRENT
              + " is not set: it is required"
              + " outside development mode. Name the current secret version (e.g. v1) and give "
              + PARTICIPANT_KEY_SECRET_PREFIX
              + "v1 = 32 or more random bytes in base64 (`openssl"
              + " rand -base64 32`), kept secret; or set "
              + MODE
              + "=development on a developer's"
              + " machine.");
    }
    String scheme = properties.getProperty(PARTICIPANT_KEY_SCHEME, "opaque").strip();
    IdentifierScheme identifiers =
        switch (scheme) {
          case "opaque" -> IdentifierSchemes.opaque("portal-user", false);
          case "be-nrn" -> IdentifierSchemes.belgianNationalNumber();
          default ->
              throw new IllegalArgumentException(
                  PARTICIPANT_KEY_SCHEME
                      + " is '"
                      + scheme
                      + "': use opaque (the portal's user name as given) or be-nrn (a Belgian national"
                      + " number).");
        };
    return ParticipantKeyer.fromProperties(properties, identifiers);
  }

  private static Authentication authentication(Config config, List<String> problems) {
    boolean anonymousOnly = booleanOf(config, AUTH_ANONYMOUS_ONLY, false, problems);
    boolean accounts = booleanOf(config, AUTH_ACCOUNTS, false, problems);
    Optional<String> issuer = text(config, AUTH_ISSUER);
    Optional<String> audience = text(config, AUTH_AUDIENCE);
    Optional<String> jwks = text(config, AUTH_JWKS);
    boolean tokens = issuer.isPresent() || audience.isPresent() || jwks.isPresent();
    if (accounts) {
      if (anonymousOnly || tokens) {
        problems.add(
            AUTH_ACCOUNTS
                + "=true says people sign in with the portal's accounts, but "
                + (anonymousOnly
                    ? AUTH_ANONYMOUS_ONLY + "=true says nobody signs in"
                    : AUTH_ISSUER
                        + ", "
                        + AUTH_AUDIENCE
                        + " or "
                        + AUTH_JWKS
                        + " configure sign-in with tokens")
                + ": keep one answer and remove the other keys.");
        return null;
      }
      return new Authentication.Accounts();
    }
    if (anonymousOnly) {
      if (tokens) {
        problems.add(
            AUTH_ANONYMOUS_ONLY
                + "=true says nobody signs in, but "
                + AUTH_ISSUER
                + ", "
                + AUTH_AUDIENCE
                + " or "
                + AUTH_JWKS
                + " configure sign-in with tokens: remove one or"
                + " the other.");
      }
      return new Authentication.AnonymousOnly();
    }
    if (!tokens) {
      return new Authentication.Host();
    }
    int before = problems.size();
    if (issuer.isEmpty()) {
      problems.add(
          AUTH_ISSUER
              + " is not set: give the exact issuer (iss) of the access tokens,"
              + " such as https://login.example.be/realms/polity.");
    }
    if (audience.isEmpty()) {
      problems.add(
          AUTH_AUDIENCE
              + " is not set: give the audience (aud) that your identity"
              + " provider puts in Polity's access tokens (e.g. polity-api); a token issued for another"
              + " application must not open Polity.");
    }
    java.net.URI jwksUri = null;
    if (jwks.isEmpty()) {
      problems.add(
          AUTH_JWKS
              + " is not set: give the URL of the identity provider's public keys"
              + " (its jwks_uri, e.g. https://login.example.be/realms/polity/protocol/openid-connect/certs)"
              + " or the path of a JWKS file.");
    } else {
      jwksUri = jwksLocation(jwks.get(), problems);
    }
    Set<String> algorithms =
        new LinkedHashSet<>(list(text(config, AUTH_ALGORITHMS).orElse("RS256,ES256")));
    for (String algorithm : algorithms) {
      if (Authentication.BearerTokens.ACCEPTABLE_ALGORITHMS.contains(algorithm)) {
        continue;
      }
      if (algorithm.equalsIgnoreCase("none")) {
        problems.add(
            AUTH_ALGORITHMS
                + " contains none: an unsigned token proves nothing; it is"
                + " never accepted. Use RS256 or ES256.");
      } else if (algorithm.toUpperCase().startsWith("HS")) {
        problems.add(
            AUTH_ALGORITHMS
                + " contains "
                + algorithm
                + ": HMAC needs a secret shared"
                + " with the identity provider and is never accepted; Polity verifies with the"
                + " provider's public keys. Use RS256 or ES256.");
      } else {
        problems.add(
            AUTH_ALGORITHMS
                + " contains '"
                + algorithm
                + "': choose among "
                + Authentication.BearerTokens.ACCEPTABLE_ALGORITHMS.stream().sorted().toList()
                + ".");
      }
    }
    Duration skew = durationOf(config, AUTH_CLOCK_SKEW, Duration.ofSeconds(60), problems);
    Duration ttl = durationOf(config, AUTH_JWKS_CACHE_TTL, Duration.ofMinutes(5), problems);
    Duration refresh =
        durationOf(config, AUTH_JWKS_REFRESH_MIN_INTERVAL, Duration.ofSeconds(30), problems);
    String level = text(config, AUTH_IDENTITY_LEVEL).orElse("self-declared");
    VerificationLevel identityLevel =
        switch (level.toLowerCase()) {
          case "self-declared" -> VerificationLevel.SELF_DECLARED;
          case "identity-provider" -> VerificationLevel.IDENTITY_PROVIDER;
          default -> {
            problems.add(
                AUTH_IDENTITY_LEVEL
                    + " is '"
                    + level
                    + "': use self-declared (accounts"
                    + " anyone can register) or identity-provider (the provider verifies identities, as"
                    + " with eID, itsme or CSAM).");
            yield VerificationLevel.SELF_DECLARED;
          }
        };
    if (problems.size() > before) {
      return null;
    }
    try {
      return new Authentication.BearerTokens(
          issuer.get(),
          new LinkedHashSet<>(list(audience.get())),
          jwksUri,
          algorithms,
          skew,
          text(config, AUTH_ROLES_CLAIM).orElse("groups"),
          text(config, AUTH_USER_CLAIM).orElse("sub"),
          identityLevel,
          ttl,
          refresh);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** A JWKS location: an URL, or a path (made absolute) of an existing, readable file. */
  private static java.net.URI jwksLocation(String value, List<String> problems) {
    java.nio.file.Path file;
    if (value.contains("://")) {
      java.net.URI uri;
      try {
        uri = new java.net.URI(value);
      } catch (java.net.URISyntaxException e) {
        problems.add(AUTH_JWKS + " is '" + value + "', not a URL: " + e.getMessage() + ".");
        return null;
      }
      if (!"file".equalsIgnoreCase(uri.getScheme())) {
        return uri;
      }
      try {
        file = java.nio.file.Path.of(uri);
      } catch (IllegalArgumentException e) {
        problems.add(AUTH_JWKS + " is '" + value + "', not a file URL: " + e.getMessage() + ".");
        return null;
      }
    } else {
      file = java.nio.file.Path.of(value);
    }
    file = file.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
      problems.add(
          AUTH_JWKS
              + " names the file "
              + file
              + ", which does not exist or cannot be"
              + " read: give the JWKS file exported from your identity provider, or its https URL.");
      return null;
    }
    return file.toUri();
  }

  private static Optional<String> text(Config config, String key) {
    return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A duration as ISO-8601 ({@code PT30S}) or a whole number of seconds. */
  private static Duration durationOf(
      Config config, String key, Duration fallback, List<String> problems) {
    Optional<String> value = text(config, key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      Duration duration =
          value.get().matches("\\d+")
              ? Duration.ofSeconds(Long.parseLong(value.get()))
              : Duration.parse(value.get().toUpperCase());
      if (duration.isNegative()) {
        problems.add(key + " is " + value.get() + ": give a positive duration.");
        return fallback;
      }
      return duration;
    } catch (RuntimeException e) {
      problems.add(
          key
              + " is '"
              + value.get()
              + "': give a duration such as PT30S or PT5M, or a"
              + " number of seconds.");
      return fallback;
    }
  }

  private static boolean booleanOf(
      Config config, String key, boolean fallback, List<String> problems) {
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
    return "PolitySettings[mode="
        + mode
        + ", participantKeyer="
        + participantKeyer
        + ", database="
        + database
        + ", roleMapping="
        + roleMapping
        + ", authentication="
        + authentication
        + "]";
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
