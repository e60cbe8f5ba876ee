package org.polity.voting;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.polity.common.BudgetId;
import org.polity.identity.ParticipantKey;

/**
 * Derives the <em>slot handle</em> under which a participant's ballot is stored, so that a ballot
 * can be replaced without any stored link from participant to ballot.
 *
 * <p>The handle is {@code HMAC-SHA-256(slotSecret, budget | participant key)}. The ballot store
 * keys ballots by handle; the participation register stores no handle at all: to replace a ballot,
 * the box recomputes the handle from the participant key. Without the slot secret the handle is an
 * opaque random-looking string, so the two stores cannot be joined. The secret is per budget,
 * random, kept out of the database that holds the ballots (in memory, or in a key store), and
 * destroyed when the vote is {@linkplain BallotBox#seal sealed}; after that, the link cannot be
 * rebuilt by anyone. When the edition does not allow changes, no handle is needed and ballots are
 * stored under a {@linkplain #randomSlot random slot} instead.
 *
 * <p>Trade-off: until sealing, whoever holds both the slot secret and a participant's key can find
 * that participant's ballot. That is the price of letting voters change their vote; it is bounded
 * by keeping the secret apart from the data and destroying it at the close.
 */
public final class BallotSlots {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private final byte[] secret;

  private BallotSlots(byte[] secret) {
    this.secret = secret;
  }

  /**
   * Slots under a given secret (for example one read back from a key store after a restart).
   *
   * @param secret at least 32 bytes; copied
   * @return the slots
   */
  public static BallotSlots withSecret(byte[] secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < 32) {
      throw new IllegalArgumentException(
          "A slot secret has " + secret.length + " bytes: give at least 32 random bytes.");
    }
    return new BallotSlots(secret.clone());
  }

  /**
   * Slots under a fresh random secret of 32 bytes.
   *
   * @param random a cryptographically strong source
   * @return the slots
   */
  public static BallotSlots random(SecureRandom random) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    return new BallotSlots(secret);
  }

  /**
   * A copy of the secret, to put in a key store (never next to the ballots).
   *
   * @return the secret's bytes
   */
  public byte[] secret() {
    return secret.clone();
  }

  /**
   * The slot handle of a participant's ballot on a budget.
   *
   * @param budget the budget
   * @param participant the participant
   * @return a 43-character base64url handle
   */
  public String slotOf(BudgetId budget, ParticipantKey participant) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((budget.value() + "\u0000" + participant).getBytes(StandardCharsets.UTF_8));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  /**
   * A random slot for a ballot that will never be replaced.
   *
   * @param random a cryptographically strong source
   * @return a 43-character base64url slot
   */
  public static String randomSlot(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** Overwrites the secret in memory; this object must not be used afterwards. */
  public void destroy() {
    Arrays.fill(secret, (byte) 0);
  }
}
