package org.polity.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@link ParticipantKey}s: {@code HMAC-SHA-256(secret, scheme ":" normalised identifier)}
 * under the current secret version. The identifier is used for the computation and forgotten; only
 * the key is stored.
 *
 * <h2>Rotation</h2>
 *
 * A keyer knows one <em>current</em> secret and any number of <em>previous</em> ones. New keys are
 * computed with the current secret; {@link #candidates(String)} gives the keys of one identifier
 * under every known version, current first, so that a person who comes back with their identifier
 * can be found under an old key and <em>re-keyed</em> (their records moved to the current key). Old
 * keys cannot be converted without the identifier (that is the point of a keyed hash), so records
 * of people who never come back keep their old key until the retention rules erase them; the old
 * secret is dropped from configuration once that has happened. Never rotate while a vote is open:
 * the ballot box knows a voter by one key. See {@code docs/eligibility.md}.
 *
 * <pre>{@code
 * ParticipantKeyer keyer = ParticipantKeyer.fromProperties(config, IdentifierSchemes.belgianNationalNumber());
 * ParticipantKey key = keyer.key("85.07.30-033.28");
 * }</pre>
 */
public final class ParticipantKeyer {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final IdentifierScheme scheme;
  private final Map<String, KeySecret> secrets;
  private final String currentVersion;

  private ParticipantKeyer(
      IdentifierScheme scheme, Map<String, KeySecret> secrets, String current) {
    this.scheme = scheme;
    this.secrets = secrets;
    this.currentVersion = current;
  }

  /**
   * A keyer with a current secret and previous ones still honoured during a rotation.
   *
   * @param scheme the identifier scheme
   * @param current the secret new keys are computed with
   * @param previous older secrets, newest first
   * @return the keyer
   */
  public static ParticipantKeyer of(
      IdentifierScheme scheme, KeySecret current, KeySecret... previous) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(current, "current");
    Map<String, KeySecret> secrets = new LinkedHashMap<>();
    secrets.put(current.version(), current);
    for (KeySecret secret : previous) {
      if (secrets.put(secret.version(), secret) != null) {
        throw new IllegalArgumentException(
            "Key version "
                + secret.version()
                + " is given twice: each secret needs its own"
                + " version name.");
      }
    }
    return new ParticipantKeyer(scheme, secrets, current.version());
  }

  /**
   * A keyer from configuration properties:
   *
   * <pre>
   * polity.participant-key.current  = v2
   * polity.participant-key.previous = v1           (optional, comma-separated, newest first)
   * polity.participant-key.secret.v2 = base64...
   * polity.participant-key.secret.v1 = base64...
   * </pre>
   *
   * @param properties the configuration
   * @param scheme the identifier scheme
   * @return the keyer
   */
  public static ParticipantKeyer fromProperties(Properties properties, IdentifierScheme scheme) {
    Objects.requireNonNull(properties, "properties");
    String current = properties.getProperty("polity.participant-key.current");
    if (current == null || current.isBlank()) {
      throw new IllegalArgumentException(
          "polity.participant-key.current is not set: name the current secret version, e.g. v1,"
              + " and give polity.participant-key.secret.v1.");
    }
    List<KeySecret> previous = new ArrayList<>();
    String previousList = properties.getProperty("polity.participant-key.previous", "");
    for (String version : previousList.split(",")) {
      if (!version.isBlank()) {
        previous.add(secret(properties, version.strip()));
      }
    }
    return of(scheme, secret(properties, current.strip()), previous.toArray(KeySecret[]::new));
  }

  private static KeySecret secret(Properties properties, String version) {
    String name = "polity.participant-key.secret." + version;
    String value = properties.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is not set: give the base64 secret of key version " + version + ".");
    }
    return new KeySecret(version, value);
  }

  /**
   * The version new keys are computed with.
   *
   * @return the current version
   */
  public String currentVersion() {
    return currentVersion;
  }

  /**
   * The identifier scheme.
   *
   * @return the scheme
   */
  public IdentifierScheme scheme() {
    return scheme;
  }

  /**
   * The participant key of an identifier under the current secret.
   *
   * @param identifier the identifier, as typed (normalised by the scheme)
   * @return the key
   */
  public ParticipantKey key(String identifier) {
    return keyUnder(secrets.get(currentVersion), scheme.normalise(identifier));
  }

  /**
   * The keys of an identifier under every known secret, current first: look a returning person up
   * under each, and re-key what is found under an old one.
   *
   * @param identifier the identifier, as typed
   * @return the keys, current version first
   */
  public List<ParticipantKey> candidates(String identifier) {
    String normalised = scheme.normalise(identifier);
    List<ParticipantKey> keys = new ArrayList<>();
    for (KeySecret secret : secrets.values()) {
      keys.add(keyUnder(secret, normalised));
    }
    return List.copyOf(keys);
  }

  private ParticipantKey keyUnder(KeySecret secret, String normalised) {
    try {
      Mac mac = mac(secret);
      byte[] digest =
          mac.doFinal((scheme.id() + ":" + normalised).getBytes(StandardCharsets.UTF_8));
      return new ParticipantKey(secret.version(), BASE64URL.encodeToString(digest));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  /**
   * A fresh Mac keyed with the secret: a clone of one initialised per version (looking the
   * algorithm up and keying it on every call cost more than the hash itself; a participant key is
   * computed for every ballot), or a new one when the provider cannot clone.
   */
  private Mac mac(KeySecret secret) throws NoSuchAlgorithmException, InvalidKeyException {
    Mac prototype = keyedMacs.get(secret.version());
    if (prototype == null) {
      prototype = Mac.getInstance("HmacSHA256");
      prototype.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
      keyedMacs.put(secret.version(), prototype);
    }
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
      return mac;
    }
  }

  /** Initialised Macs by key version, only ever cloned (a Mac is not thread-safe). */
  private final Map<String, Mac> keyedMacs = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public String toString() {
    return "ParticipantKeyer[scheme="
        + scheme.id()
        + ", current="
        + currentVersion
        + ", versions="
        + secrets.keySet()
        + "]";
  }
}
