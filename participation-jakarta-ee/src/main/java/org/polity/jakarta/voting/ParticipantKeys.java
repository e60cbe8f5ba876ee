package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.polity.common.BudgetId;
import org.polity.jakarta.config.PolitySettings;

/**
 * Turns a portal identity into a participant key, and a participant key and budget into a ballot
 * slot, both with HMAC-SHA-256 under {@code polity.participant-key.secret}. The same person always
 * gets the same key (so the database can refuse a second participation), the key does not reveal
 * the identity, and the slot cannot be computed, hence not joined to the participation record,
 * without the secret.
 */
@ApplicationScoped
public class ParticipantKeys {

  @Inject PolitySettings settings;

  /** Creates the bean; CDI calls it. */
  public ParticipantKeys() {}

  /**
   * The participant key of a portal user.
   *
   * @param portalUserName the principal name given by the portal; not blank
   * @return the key, 43 URL-safe characters
   */
  public String participantKey(String portalUserName) {
    if (portalUserName == null || portalUserName.isBlank()) {
      throw new IllegalArgumentException(
          "The portal user name is blank: a participant key needs a signed-in user.");
    }
    return hmac("participant-key\u0000" + portalUserName);
  }

  /**
   * The ballot slot of a participant in a budget.
   *
   * @param participantKey the participant key
   * @param budget the budget
   * @return the slot, 43 URL-safe characters
   */
  public String slot(String participantKey, BudgetId budget) {
    Objects.requireNonNull(participantKey, "participantKey");
    return hmac("ballot-slot\u0000" + participantKey + "\u0000" + budget.value());
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.participantKeySecret(), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK.", e);
    }
  }
}
