package org.polity.cartography;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an initiative: a contact name, e-mail and phone (each optional) and web links (http
 * or https).
 *
 * @param name a person or desk, or null
 * @param email an e-mail address, or null
 * @param phone a phone number, or null
 * @param links web pages about the initiative, http(s) only
 */
public record Contact(String name, String email, String phone, List<URI> links) {

  /** Checks the e-mail's shape and the links' scheme; copies the links. */
  public Contact {
    name = blankToNull(name);
    email = blankToNull(email);
    phone = blankToNull(phone);
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException(
          "'" + email + "' is not an e-mail address: give name@domain.tld or leave it out.");
    }
    Objects.requireNonNull(links, "links");
    for (URI link : links) {
      Objects.requireNonNull(link, "link");
      if (!link.isAbsolute()
          || !("http".equals(link.getScheme()) || "https".equals(link.getScheme()))) {
        throw new IllegalArgumentException(
            "The link '"
                + link
                + "' is not an http(s) address: give a full URL such as"
                + " https://example.org/page.");
      }
    }
    links = List.copyOf(links);
  }

  /**
   * No contact details.
   *
   * @return an empty contact
   */
  public static Contact none() {
    return new Contact(null, null, null, List.of());
  }

  /**
   * Only links.
   *
   * @param links the links, as text
   * @return the contact
   */
  public static Contact links(String... links) {
    return new Contact(null, null, null, java.util.Arrays.stream(links).map(URI::create).toList());
  }

  /**
   * @return the e-mail, if any
   */
  public Optional<String> optionalEmail() {
    return Optional.ofNullable(email);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
