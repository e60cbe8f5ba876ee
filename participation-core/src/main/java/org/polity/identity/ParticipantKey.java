package org.polity.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pseudonymous key of a participant: a keyed hash (HMAC-SHA-256) of the identifier that proves
 * a person's uniqueness (a national register number, for instance), computed with a secret of the
 * deployment. The identifier itself is never stored; only this key is.
 *
 * <p>The key carries the version of the secret that produced it ({@code v1}, {@code v2}, ...), so
 * that a deployment can rotate its secret: keys of different versions never compare equal, and
 * {@link ParticipantKeyer#candidates(String)} gives every key a person may be known under during a
 * rotation. The textual form is {@code version:digest}, where the digest is the unpadded base64url
 * encoding of the 32 bytes of the HMAC.
 *
 * <pre>{@code
 * ParticipantKey key = keyer.key("85.07.30-033.28");   // e.g. v1:Qm9u...
 * ParticipantKey same = ParticipantKey.parse(key.toString());
 * }</pre>
 *
 * @param version the version of the secret that produced the key; letters, digits, '-' or '_'
 * @param digest the unpadded base64url HMAC-SHA-256 digest (43 characters)
 */
public record ParticipantKey(String version, String digest) {

  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** Refuses a malformed version or digest. */
  public ParticipantKey {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(digest, "digest");
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "The key version '"
              + version
              + "' is malformed: use 1 to 32 letters, digits, '-' or"
              + " '_' (e.g. \"v1\").");
    }
    if (!DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException(
          "The key digest '"
              + digest
              + "' is malformed: it is the 43-character unpadded base64url"
              + " form of an HMAC-SHA-256; compute it with ParticipantKeyer.");
    }
  }

  /**
   * A key from its textual form {@code version:digest}.
   *
   * @param text the text, as produced by {@link #toString()}
   * @return the key
   */
  public static ParticipantKey parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a participant key: expected version:digest, e.g. v1:AbC...");
    }
    return new ParticipantKey(text.substring(0, colon), text.substring(colon + 1));
  }

  /** The textual form {@code version:digest}. */
  @Override
  public String toString() {
    return version + ":" + digest;
  }
}
