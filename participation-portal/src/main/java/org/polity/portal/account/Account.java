package org.polity.portal.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;

/**
 * An account of the portal as the pages see it (never its password hash).
 *
 * @param id the random id; the sign-in subject is {@code account:<id>}, so that it does not change
 *     when the e-mail does
 * @param email the e-mail address, lower-cased
 * @param displayName the name shown on the pages
 * @param roles the Polity roles held ({@link PolityRole#PARTICIPANT} at the least)
 * @param language the preferred language (French, Dutch or English)
 * @param createdAt when the account was created
 * @param verification what staff verified at the desk, if they did
 */
public record Account(
    String id,
    String email,
    String displayName,
    Set<PolityRole> roles,
    Locale language,
    Instant createdAt,
    Optional<Verification> verification) {

  /** Checks and copies the parts. */
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(createdAt, "createdAt");
    roles = Set.copyOf(roles);
    verification = verification == null ? Optional.empty() : verification;
  }

  /**
   * The sign-in subject of the account: stable for the account's life.
   *
   * @return {@code account:<id>}
   */
  public String subject() {
    return AccountPrincipal.PREFIX + id;
  }
}
