package org.polity.jakarta.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.polity.eligibility.VerificationLevel;

/**
 * How callers prove who they are ({@code polity.auth.*}): one of three answers.
 *
 * <ul>
 *   <li>{@link Host}: no {@code polity.auth.*} key is set. Embedded in a portal, this is the normal
 *       case: the portal authenticates and Polity reads the standard Jakarta security context. The
 *       standalone server has no host: it accepts this only in development mode (where the
 *       development sign-in headers work) and refuses to start in production.
 *   <li>{@link AnonymousOnly}: {@code polity.auth.anonymous-only=true}. Nobody signs in; every
 *       caller is anonymous, so only the public reads work (a read-only public mirror of results
 *       and maps). Polity never trusts identity headers set by a gateway.
 *   <li>{@link BearerTokens}: OpenID Connect access tokens (signed JWTs) from the agency's identity
 *       provider, verified locally against its published keys (JWKS) by the standalone server.
 *   <li>{@link Accounts}: {@code polity.auth.accounts=true}. Residents and staff sign in to the
 *       self-hosted portal's pages with its own accounts (e-mail and password, a session cookie);
 *       the REST API signs nobody in with that cookie.
 * </ul>
 */
public sealed interface Authentication
    permits Authentication.Host,
        Authentication.AnonymousOnly,
        Authentication.BearerTokens,
        Authentication.Accounts {

  /**
   * Whether this answer lets the standalone server start in production.
   *
   * @return false only for {@link Host}, which needs a host that the standalone server lacks
   */
  default boolean authenticatesStandalone() {
    return !(this instanceof Host);
  }

  /** The identity comes from the host's Jakarta security context (or, standalone, from nowhere). */
  record Host() implements Authentication {}

  /** Nobody signs in: every caller is anonymous, by explicit choice. */
  record AnonymousOnly() implements Authentication {}

  /**
   * People sign in to the portal's pages with the portal's own accounts ({@code
   * polity.auth.accounts=true}); the portal module ({@code participation-portal}) must be on the
   * class path, since it holds the accounts and their session cookie.
   */
  record Accounts() implements Authentication {}

  /**
   * Signed JWT access tokens in {@code Authorization: Bearer}, verified locally.
   *
   * @param issuer the exact {@code iss} claim expected, such as {@code
   *     https://login.example.be/realms/polity}
   * @param audiences the {@code aud} values that designate this API; a token must carry one
   * @param jwks where the identity provider's public keys are: an {@code https} URL (or {@code
   *     http} on the loopback interface), or a {@code file} URI for air-gapped setups
   * @param algorithms the accepted JWS algorithms, a subset of {@link #ACCEPTABLE_ALGORITHMS}
   * @param clockSkew the tolerance on {@code exp} and {@code nbf}, 0 to {@link #MAX_CLOCK_SKEW}
   * @param rolesClaim the claim holding the caller's roles: a name such as {@code groups}, or a
   *     dotted path into nested objects such as {@code realm_access.roles} (a claim whose own name
   *     contains dots is found first)
   * @param userClaim the top-level claim naming the person, {@code sub} by default; the participant
   *     key is derived from it, so it must be stable for a person
   * @param identityLevel how well the identity provider verified who the person is, given to
   *     eligibility rules as the level of the identity evidence
   * @param jwksCacheTtl how long fetched keys are used before being fetched again
   * @param jwksRefreshMinInterval the shortest time between two fetches caused by tokens signed
   *     with an unknown key (protects the identity provider); shorter than {@code jwksCacheTtl}
   */
  record BearerTokens(
      String issuer,
      Set<String> audiences,
      URI jwks,
      Set<String> algorithms,
      Duration clockSkew,
      String rolesClaim,
      String userClaim,
      VerificationLevel identityLevel,
      Duration jwksCacheTtl,
      Duration jwksRefreshMinInterval)
      implements Authentication {

    /**
     * The asymmetric algorithms Polity can verify with an identity provider's public keys. Never
     * {@code none} (an unsigned token proves nothing) and never an HMAC algorithm (it needs a
     * shared secret, and accepting it opens the "public key as HMAC secret" forgery).
     */
    public static final Set<String> ACCEPTABLE_ALGORITHMS =
        Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

    /** The largest clock skew accepted: beyond it, expiry means little. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Checks every component, naming the bad value and the key to fix.
     *
     * @throws IllegalArgumentException on a blank issuer or claim, no audience, an unsupported
     *     algorithm, a JWKS location that is not https, loopback http or a file, a clock skew out
     *     of range, or a refresh interval not shorter than the cache time
     */
    public BearerTokens {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(jwks, "jwks");
      Objects.requireNonNull(clockSkew, "clockSkew");
      Objects.requireNonNull(identityLevel, "identityLevel");
      Objects.requireNonNull(jwksCacheTtl, "jwksCacheTtl");
      Objects.requireNonNull(jwksRefreshMinInterval, "jwksRefreshMinInterval");
      if (issuer.isBlank()) {
        throw new IllegalArgumentException(
            "The token issuer is blank: give the identity"
                + " provider's issuer URL (polity.auth.issuer).");
      }
      audiences = Set.copyOf(new LinkedHashSet<>(audiences));
      if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            "The token audience is "
                + audiences
                + ": give the"
                + " audience your identity provider puts in Polity's access tokens (polity.auth.audience).");
      }
      algorithms = Set.copyOf(algorithms);
      if (algorithms.isEmpty() || !ACCEPTABLE_ALGORITHMS.containsAll(algorithms)) {
        throw new IllegalArgumentException(
            "The token algorithms are "
                + algorithms
                + ": choose"
                + " among "
                + ACCEPTABLE_ALGORITHMS.stream().sorted().toList()
                + " (polity.auth.algorithms).");
      }
      String scheme = jwks.getScheme() == null ? "" : jwks.getScheme().toLowerCase();
      boolean loopbackHttp = scheme.equals("http") && isLoopback(jwks.getHost());
      if (!scheme.equals("https") && !scheme.equals("file") && !loopbackHttp) {
        throw new IllegalArgumentException(
            "The JWKS location is "
                + jwks
                + ": give an https URL,"
                + " an http URL on the loopback interface, or a file (polity.auth.jwks).");
      }
      if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
        throw new IllegalArgumentException(
            "The clock skew is "
                + clockSkew
                + ": give 0 to "
                + MAX_CLOCK_SKEW
                + " (polity.auth.clock-skew).");
      }
      if (rolesClaim == null
          || rolesClaim.isBlank()
          || java.util.Arrays.stream(rolesClaim.split("\\.", -1)).anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            "The roles claim is '"
                + rolesClaim
                + "': give a claim"
                + " name such as groups, or a dotted path such as realm_access.roles"
                + " (polity.auth.roles-claim).");
      }
      if (userClaim == null || userClaim.isBlank()) {
        throw new IllegalArgumentException(
            "The user claim is blank: give the claim naming the"
                + " person, such as sub (polity.auth.user-claim).");
      }
      if (jwksRefreshMinInterval.isNegative()
          || jwksRefreshMinInterval.isZero()
          || jwksRefreshMinInterval.compareTo(jwksCacheTtl) >= 0) {
        throw new IllegalArgumentException(
            "The JWKS refresh interval is "
                + jwksRefreshMinInterval
                + " and the cache time "
                + jwksCacheTtl
                + ": the interval must be positive and shorter"
                + " than the cache time (polity.auth.jwks-refresh-min-interval,"
                + " polity.auth.jwks-cache-ttl).");
      }
    }

    /**
     * Whether a host name designates the loopback interface.
     *
     * @param host a host name or literal address
     * @return true for {@code localhost}, {@code 127.x.y.z} and {@code ::1}
     */
    static boolean isLoopback(String host) {
      if (host == null) {
        return false;
      }
      String h = host.toLowerCase();
      return h.equals("localhost")
          || h.equals("[::1]")
          || h.equals("::1")
          || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
  }
}
