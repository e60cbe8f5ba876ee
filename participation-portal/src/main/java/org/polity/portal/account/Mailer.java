package org.polity.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Sends the portal's mails with Jakarta Mail: through the SMTP server of {@value
 * AccountSettings#MAIL_HOST}, or, when it is not set, as .eml files in {@value
 * AccountSettings#MAIL_FOLDER} (a small installation, or a developer's machine).
 */
@ApplicationScoped
public class Mailer {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @Inject Config config;

  /** Creates the bean; CDI calls it. */
  public Mailer() {}

  /**
   * Sends a plain-text mail. A mail that cannot be sent is logged (without its text, which may hold
   * a link that signs in) and reported as false; the caller's answer to the reader does not change.
   *
   * @param to the recipient
   * @param subject the subject
   * @param text the body
   * @return whether the mail was handed over
   */
  public boolean send(String to, String subject, String text) {
    Optional<String> host = AccountSettings.value(config, AccountSettings.MAIL_HOST);
    Properties properties = new Properties();
    host.ifPresent(h -> properties.setProperty("mail.smtp.host", h));
    properties.setProperty(
        "mail.smtp.port", AccountSettings.value(config, AccountSettings.MAIL_PORT).orElse("25"));
    String starttls = AccountSettings.value(config, AccountSettings.MAIL_STARTTLS).orElse("false");
    properties.setProperty("mail.smtp.starttls.enable", starttls);
    properties.setProperty("mail.smtp.starttls.required", starttls);
    properties.setProperty("mail.smtp.connectiontimeout", "10000");
    properties.setProperty("mail.smtp.timeout", "10000");
    Optional<String> user = AccountSettings.value(config, AccountSettings.MAIL_USERNAME);
    Optional<String> password = AccountSettings.value(config, AccountSettings.MAIL_PASSWORD);
    Authenticator authenticator = null;
    if (user.isPresent()) {
      properties.setProperty("mail.smtp.auth", "true");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(user.get(), password.orElse(""));
            }
          };
    }
    Session session = Session.getInstance(properties, authenticator);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(
          new InternetAddress(
              AccountSettings.value(config, AccountSettings.MAIL_FROM).orElse("polity@localhost")));
      message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to));
      message.setSubject(subject, "UTF-8");
      message.setText(text, "UTF-8");
      message.setSentDate(new Date());
      if (host.isPresent()) {
        Transport.send(message);
      } else {
        Path folder = AccountSettings.mailFolder(config);
        Files.createDirectories(folder);
        Path file = folder.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
          message.writeTo(out);
        }
        LOG.info(
            "Mail to "
                + to
                + " written to "
                + file
                + " ("
                + AccountSettings.MAIL_HOST
                + " is not set).");
      }
      return true;
    } catch (MessagingException | IOException | UncheckedIOException e) {
      LOG.log(
          Level.WARNING,
          "The mail \""
              + subject
              + "\" to "
              + to
              + " could not be sent: "
              + e.getMessage()
              + ". Check "
              + AccountSettings.MAIL_HOST
              + " and the related settings.");
      return false;
    }
  }
}
