package org.polity.jakarta.standalone.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.polity.jakarta.config.Authentication;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.config.PolitySettings;

/**
 * Verifies access tokens as {@code polity.auth.*} says: signature by a key of the identity
 * provider's JWKS with an accepted algorithm, exact issuer, one of the audiences, expiry (required)
 * and not-before with the allowed clock skew, and a user claim. The keys are fetched by Nimbus's
 * {@link JWKSourceBuilder}: cached for {@code jwks-cache-ttl}, fetched again at once for a token
 * signed with an unknown key (key rotation) but at most twice per {@code
 * jwks-refresh-min-interval}, retried once on a network error, and kept in use through an outage of
 * the provider. Thread-safe.
 */
final class TokenVerifier {

  private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());

  /** The HTTP timeouts of a key fetch, in milliseconds, and the largest JWKS accepted, in bytes. */
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private static final int READ_TIMEOUT_MS = 2_000;
  private static final int SIZE_LIMIT_BYTES = 256 * 1024;

  /** How long a cache refresh may wait for another thread's fetch, in milliseconds. */
  private static final long CACHE_REFRESH_TIMEOUT_MS = 15_000;

  /** What the verification of one token concluded. */
  sealed interface Outcome {}

  /**
   * A valid token.
   *
   * @param principal the person
   * @param roles the roles the token carries (the identity provider's names)
   */
  record Valid(TokenPrincipal principal, Set<String> roles) implements Outcome {}

  /**
   * A token refused.
   *
   * @param reason why, for the log (never the token itself)
   * @param expired whether it was refused for being expired only
   */
  record Rejected(String reason, boolean expired) implements Outcome {}

  /**
   * The token could not be checked: the keys cannot be fetched.
   *
   * @param reason why, for the log
   */
  record Unavailable(String reason) implements Outcome {}

  private final Authentication.BearerTokens settings;
  private final JWKSource<SecurityContext> keys;
  private final DefaultJWTProcessor<SecurityContext> processor;

  /**
   * A verifier; for a JWKS file, reads it once now so that a bad file stops the start.
   *
   * @param settings the token settings
   * @throws ConfigurationException when the JWKS file is not a usable key set
   */
  TokenVerifier(Authentication.BearerTokens settings) {
    this.settings = settings;
    boolean file = "file".equalsIgnoreCase(settings.jwks().getScheme());
    JWKSetSource<SecurityContext> source;
    if (file) {
      source = new FileJwkSetSource(Path.of(settings.jwks()));
    } else {
      try {
        source =
            new URLBasedJWKSetSource<>(
                settings.jwks().toURL(),
                new DefaultResourceRetriever(
                    CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES));
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new ConfigurationException(
            List.of(
                PolitySettings.AUTH_JWKS
                    + " is "
                    + settings.jwks()
                    + ", not a URL Java can open: "
                    + e.getMessage()));
      }
    }
    this.keys =
        JWKSourceBuilder.create(source)
            .cache(settings.jwksCacheTtl().toMillis(), CACHE_REFRESH_TIMEOUT_MS)
            .refreshAheadCache(false)
            .rateLimited(settings.jwksRefreshMinInterval().toMillis())
            .retrying(!file)
            .outageTolerant(!file)
            .build();

    Set<JWSAlgorithm> algorithms =
        settings.algorithms().stream()
            .map(JWSAlgorithm::parse)
            .collect(Collectors.toUnmodifiableSet());
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            settings.audiences(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("exp", settings.userClaim()),
            null);
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT,
            new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"),
            null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    processor.setJWTClaimsSetVerifier(claims);

    try {
      List<JWK> found = keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
      LOG.info(
          "Access tokens from "
              + settings.issuer()
              + " are verified with "
              + found.size()
              + " key(s) from "
              + settings.jwks()
              + ": "
              + found.stream().map(JWK::getKeyID).toList());
    } catch (KeySourceException e) {
      if (file) {
        throw new ConfigurationException(
            List.of(
                PolitySettings.AUTH_JWKS
                    + " names a file that is"
                    + " not a JSON Web Key Set ("
                    + e.getMessage()
                    + "): export the identity provider's"
                    + " public keys as a JWKS ({\"keys\": [...]})."));
      }
      LOG.warning(
          "The identity provider's keys cannot be fetched from "
              + settings.jwks()
              + " ("
              + e.getMessage()
              + "): Polity starts, and tries again at the first token.");
    }
  }

  /**
   * Verifies a token.
   *
   * @param token the compact serialisation, as sent after {@code Bearer}
   * @return valid with the principal and roles, rejected, or unavailable
   */
  Outcome verify(String token) {
    JWT parsed;
    try {
      parsed = JWTParser.parse(token);
    } catch (ParseException e) {
      return new Rejected("not a JWT (" + e.getMessage() + ")", false);
    }
    if (parsed instanceof com.nimbusds.jwt.PlainJWT) {
      return new Rejected("unsigned token (alg none), never accepted" + describe(parsed), false);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(parsed, null);
    } catch (ExpiredJWTException e) {
      return new Rejected(e.getMessage() + describe(parsed), true);
    } catch (BadJOSEException e) {
      return new Rejected(e.getMessage() + describe(parsed), false);
    } catch (RateLimitReachedException e) {
      return new Rejected(
          "signed with a key not in the key set, fetched again moments ago" + describe(parsed),
          false);
    } catch (KeySourceException e) {
      return new Unavailable(
          "the keys cannot be fetched from " + settings.jwks() + ": " + e.getMessage());
    } catch (JOSEException e) {
      return new Rejected(e.getMessage() + describe(parsed), false);
    }
    Object user = claims.getClaim(settings.userClaim());
    if (!(user instanceof String name) || name.isBlank()) {
      return new Rejected(
          "the user claim " + settings.userClaim() + " is not a text" + describe(parsed), false);
    }
    Instant issuedAt = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
    return new Valid(
        new TokenPrincipal(name, issuedAt, settings.identityLevel()),
        roles(claims.getClaims(), settings.rolesClaim()));
  }

  /**
   * The roles in a claim: its name first (some claims have dots in their names), then as a dotted
   * path into nested objects. A list gives one role per text; a text is split at white space (as
   * {@code scope} is).
   *
   * @param claims the token's claims
   * @param path the claim name or dotted path
   * @return the roles, empty when the claim is absent or of another shape
   */
  static Set<String> roles(Map<String, Object> claims, String path) {
    Object value = claims.get(path);
    if (value == null && path.contains(".")) {
      Object node = claims;
      for (String part : path.split("\\.")) {
        node = node instanceof Map<?, ?> map ? map.get(part) : null;
      }
      value = node;
    }
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      for (Object role : list) {
        if (role instanceof String text && !text.isBlank()) {
          roles.add(text.strip());
        }
      }
    } else if (value instanceof String text) {
      for (String role : text.strip().split("\\s+")) {
        if (!role.isEmpty()) {
          roles.add(role);
        }
      }
    }
    return Set.copyOf(roles);
  }

  /** The unverified header and claims that explain a refusal, made safe for a log line. */
  private static String describe(JWT token) {
    List<String> parts = new ArrayList<>();
    try {
      parts.add("alg=" + token.getHeader().getAlgorithm());
      if (token.getHeader() instanceof com.nimbusds.jose.JWSHeader jws && jws.getKeyID() != null) {
        parts.add("kid=" + jws.getKeyID());
      }
      JWTClaimsSet claims = token.getJWTClaimsSet();
      parts.add("iss=" + claims.getIssuer());
      parts.add("aud=" + claims.getAudience());
      if (claims.getExpirationTime() != null) {
        parts.add("exp=" + claims.getExpirationTime().toInstant());
      }
      if (claims.getNotBeforeTime() != null) {
        parts.add("nbf=" + claims.getNotBeforeTime().toInstant());
      }
    } catch (ParseException | RuntimeException e) {
      parts.add("claims unreadable");
    }
    String text = String.join(", ", parts).replaceAll("[^\\x20-\\x7e]", "?");
    return " (" + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + ")";
  }
}
