package org.polity.testing;

import java.util.Base64;
import org.polity.identity.IdentifierSchemes;
import org.polity.identity.KeySecret;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;

/** Participant keys for tests, from a fixed test secret. Reusable from core's test jar. */
public final class TestKeys {

  /** A fixed keyer over opaque identifiers, secret version {@code test1}. */
  public static final ParticipantKeyer KEYER =
      ParticipantKeyer.of(
          IdentifierSchemes.opaque("test", false),
          new KeySecret("test1", Base64.getEncoder().encodeToString(new byte[32])));

  private TestKeys() {}

  /**
   * @param n a number
   * @return the key of person number n
   */
  public static ParticipantKey person(int n) {
    return KEYER.key("person-" + n);
  }
}
