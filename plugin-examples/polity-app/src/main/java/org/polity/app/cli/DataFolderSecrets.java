package org.polity.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The participant-key and ballot-slot secrets of {@code polity serve} kept in the data folder, so
 * that a fresh machine starts a production-safe portal without the operator generating secrets.
 *
 * <p>When the operator set none of {@value #CURRENT} and {@value #BALLOT_SLOT} (as a system
 * property or a {@code POLITY_*} environment variable), the first start creates {@value #FILE_NAME}
 * in the data folder with fresh random secrets (32 bytes from {@link SecureRandom}, base64),
 * created with owner-only permissions ({@code rw-------}) in the same call that creates the file,
 * and later starts read the same file: participant keys and ballot slots stay stable across
 * restarts. To rotate the participant key, add {@code polity.participant-key.secret.v2}, set {@code
 * current} to {@code v2} and {@code polity.participant-key.previous} to {@code v1} in the file:
 * every {@code polity.participant-key.*} entry of the file is passed on. An existing file readable
 * or writable by group or others is refused. A value the operator set wins: the participant key
 * (version and secret) and the ballot-slot secret are taken from the file only when the operator
 * set neither.
 *
 * <p>The secrets are never printed; {@link #toString()} names the file only.
 *
 * <pre>{@code
 * Map<String, String> settings = DataFolderSecrets.in(dataFolder).settings(System::getenv);
 * }</pre>
 */
public final class DataFolderSecrets {

  /** The file's name in the data folder. */
  public static final String FILE_NAME = "secrets.properties";

  /** The setting naming the participant key's current version. */
  public static final String CURRENT = "polity.participant-key.current";

  /** Prefix of the participant-key secret of a version. */
  public static final String SECRET_PREFIX = "polity.participant-key.secret.";

  /** Prefix of every participant-key setting the file may hold (current, secrets, previous). */
  static final String KEY_PREFIX = "polity.participant-key.";

  /** The ballot-slot secret's setting. */
  public static final String BALLOT_SLOT = "polity.ballot-slot.secret";

  /** The version of the participant key the file creates. */
  static final String FIRST_VERSION = "v1";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;

  private DataFolderSecrets(Path file) {
    this.file = file;
  }

  /**
   * The secrets of a data folder (the file is read or created by {@link #settings}).
   *
   * @param dataFolder the data folder of {@code polity serve}
   * @return the secrets' file in that folder
   */
  public static DataFolderSecrets in(Path dataFolder) {
    if (dataFolder == null) {
      throw new IllegalArgumentException("The data folder is null: give the --data directory.");
    }
    return new DataFolderSecrets(dataFolder.toAbsolutePath().normalize().resolve(FILE_NAME));
  }

  /**
   * The file holding the secrets.
   *
   * @return its path
   */
  public Path file() {
    return file;
  }

  /**
   * The settings to add for the secrets the operator did not set: none when the operator set both
   * the participant key and the ballot-slot secret (the file is then neither read nor created).
   *
   * @param environment the environment variables ({@code System::getenv}); system properties are
   *     read from {@link System#getProperty(String)}
   * @return the settings taken from the file, by name
   * @throws IOException when the file cannot be read or created
   * @throws IllegalStateException when the file is readable or writable by group or others, or
   *     lacks a secret
   */
  public Map<String, String> settings(UnaryOperator<String> environment) throws IOException {
    boolean keySet = operatorSet(CURRENT, environment);
    boolean slotSet = operatorSet(BALLOT_SLOT, environment);
    Map<String, String> settings = new LinkedHashMap<>();
    if (keySet && slotSet) {
      return settings;
    }
    Properties secrets = readOrCreate();
    if (!keySet) {
      String version = required(secrets, CURRENT);
      required(secrets, SECRET_PREFIX + version);
      for (String name : secrets.stringPropertyNames()) {
        if (name.startsWith(KEY_PREFIX)) {
          settings.put(name, secrets.getProperty(name).trim());
        }
      }
    }
    if (!slotSet) {
      settings.put(BALLOT_SLOT, required(secrets, BALLOT_SLOT));
    }
    return settings;
  }

  /**
   * Whether the operator set a setting, as a system property or as an environment variable (its
   * name upper-cased, with {@code _} for every other character than a letter or digit, as
   * MicroProfile Config maps it).
   *
   * @param name the setting
   * @param environment the environment variables
   * @return whether it is set (non-blank)
   */
  static boolean operatorSet(String name, UnaryOperator<String> environment) {
    return present(System.getProperty(name))
        || present(environment.apply(name))
        || present(environment.apply(environmentName(name)));
  }

  /**
   * The environment variable of a setting: {@code polity.ballot-slot.secret} is {@code
   * POLITY_BALLOT_SLOT_SECRET}.
   *
   * @param name the setting
   * @return the variable's name
   */
  static String environmentName(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private Properties readOrCreate() throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      try {
        create();
      } catch (FileAlreadyExistsException anotherStart) {
        // Another start created it in between: read that one.
      }
    }
    refuseOpenPermissions();
    Properties secrets = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      secrets.load(reader);
    }
    return secrets;
  }

  private void create() throws IOException {
    Properties secrets = new Properties();
    secrets.setProperty(CURRENT, FIRST_VERSION);
    secrets.setProperty(SECRET_PREFIX + FIRST_VERSION, freshSecret());
    secrets.setProperty(BALLOT_SLOT, freshSecret());
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileChannel channel =
        posix()
            ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : FileChannel.open(file, options);
    try (Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
      secrets.store(
          writer,
          "Polity's secrets, created by `polity serve` on its first start. Keep this file private"
              + " and back it up with the database: without it, participant keys and ballot slots"
              + " cannot be recomputed.");
    }
  }

  private void refuseOpenPermissions() throws IOException {
    if (!posix()) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(permissions);
    open.removeAll(
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
    if (!open.isEmpty()) {
      throw new IllegalStateException(
          "The secrets file "
              + file
              + " is accessible to others ("
              + PosixFilePermissions.toString(permissions)
              + "): make it private with `chmod 600 "
              + file
              + "` (and check who read it) before starting Polity.");
    }
  }

  private boolean posix() {
    return Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
  }

  private String required(Properties secrets, String name) {
    String value = secrets.getProperty(name);
    if (!present(value)) {
      throw new IllegalStateException(
          "The secrets file "
              + file
              + " has no "
              + name
              + ": restore it from your backup, or set "
              + name
              + " (environment variable "
              + environmentName(name)
              + ").");
    }
    return value.trim();
  }

  private static String freshSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Names the file, never a secret.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "DataFolderSecrets[" + file + "]";
  }
}
