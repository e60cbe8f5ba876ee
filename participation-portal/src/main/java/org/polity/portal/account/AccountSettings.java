package org.polity.portal.account;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.spi.Setting;

/**
 * The settings of the portal's accounts: session lifetime and the outgoing mail (password reset
 * links). {@link org.polity.portal.PortalCapability#settings()} declares them.
 */
public final class AccountSettings {

  /** {@code polity.portal.session-idle-timeout}: how long a session lasts without a request. */
  public static final String SESSION_IDLE_TIMEOUT = "polity.portal.session-idle-timeout";

  /** {@code polity.mail.host}: the SMTP server; unset, mails are written to files. */
  public static final String MAIL_HOST = "polity.mail.host";

  /** {@code polity.mail.port}: the SMTP server's port. */
  public static final String MAIL_PORT = "polity.mail.port";

  /** {@code polity.mail.from}: the sender of the portal's mails. */
  public static final String MAIL_FROM = "polity.mail.from";

  /** {@code polity.mail.username}: the SMTP user, when the server wants one. */
  public static final String MAIL_USERNAME = "polity.mail.username";

  /** {@code polity.mail.password}: the SMTP password, when the server wants one. */
  public static final String MAIL_PASSWORD = "polity.mail.password";

  /** {@code polity.mail.starttls}: whether to require STARTTLS. */
  public static final String MAIL_STARTTLS = "polity.mail.starttls";

  /** {@code polity.mail.folder}: where mails go as .eml files when no SMTP server is set. */
  public static final String MAIL_FOLDER = "polity.mail.folder";

  /** The longest a session lasts, however active: 7 days. */
  public static final Duration SESSION_ABSOLUTE = Duration.ofDays(7);

  /** The idle timeout when none is set. */
  public static final Duration DEFAULT_IDLE = Duration.ofHours(8);

  /** Every setting of the accounts. */
  public static final List<Setting> SETTINGS =
      List.of(
          Setting.of(
              SESSION_IDLE_TIMEOUT,
              "PT8H",
              "How long a signed-in session of the portal lasts without a request (an ISO-8601"
                  + " duration, PT5M to P7D); a session ends after 7 days whatever.",
              AccountSettings::idleProblem),
          Setting.optional(
              MAIL_HOST,
              "The SMTP server the portal sends its mails through (password reset links); when"
                  + " unset, each mail is written as an .eml file into "
                  + MAIL_FOLDER
                  + ".",
              Setting::anyValue),
          Setting.of(
              MAIL_PORT,
              "25",
              "The SMTP server's port (1 to 65535).",
              v -> {
                try {
                  int port = Integer.parseInt(v);
                  if (port >= 1 && port <= 65535) {
                    return Optional.empty();
                  }
                } catch (NumberFormatException e) {
                  // answered below
                }
                return Optional.of(MAIL_PORT + " is '" + v + "': give a port from 1 to 65535.");
              }),
          Setting.of(
              MAIL_FROM,
              "polity@localhost",
              "The sender address of the portal's mails, such as participation@example.be.",
              v ->
                  v.contains("@")
                      ? Optional.empty()
                      : Optional.of(MAIL_FROM + " is '" + v + "': give an e-mail address.")),
          Setting.optional(
              MAIL_USERNAME,
              "The SMTP user name, when the server asks for one.",
              Setting::anyValue),
          Setting.optional(
              MAIL_PASSWORD,
              "The SMTP password, with " + MAIL_USERNAME + "; keep it secret.",
              Setting::anyValue),
          Setting.of(
              MAIL_STARTTLS,
              "false",
              "Whether the SMTP connection must switch to TLS (STARTTLS) before sending: true or"
                  + " false.",
              v ->
                  v.equals("true") || v.equals("false")
                      ? Optional.empty()
                      : Optional.of(MAIL_STARTTLS + " is '" + v + "': give true or false.")),
          Setting.of(
              MAIL_FOLDER,
              "./data/mail",
              "Where the mails are written as .eml files when " + MAIL_HOST + " is not set.",
              Setting::anyValue));

  private AccountSettings() {}

  /**
   * The session idle timeout in effect.
   *
   * @param config the configuration
   * @return the duration
   */
  public static Duration idleTimeout(Config config) {
    return value(config, SESSION_IDLE_TIMEOUT)
        .filter(v -> idleProblem(v).isEmpty())
        .map(Duration::parse)
        .orElse(DEFAULT_IDLE);
  }

  /**
   * The folder of the mail files.
   *
   * @param config the configuration
   * @return the folder
   */
  public static Path mailFolder(Config config) {
    return Path.of(value(config, MAIL_FOLDER).orElse("./data/mail"));
  }

  /**
   * A setting's value, or its default.
   *
   * @param config the configuration
   * @param key the key
   * @return the value, or empty when unset without default
   */
  static Optional<String> value(Config config, String key) {
    return SETTINGS.stream()
        .filter(s -> s.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No account setting " + key + "."))
        .value(config);
  }

  private static Optional<String> idleProblem(String value) {
    try {
      Duration d = Duration.parse(value);
      if (d.compareTo(Duration.ofMinutes(5)) >= 0 && d.compareTo(SESSION_ABSOLUTE) <= 0) {
        return Optional.empty();
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    return Optional.of(
        SESSION_IDLE_TIMEOUT + " is '" + value + "': give a duration from PT5M to P7D, like PT8H.");
  }
}
