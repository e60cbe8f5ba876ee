package org.polity.jakarta.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real, small identity provider for tests: it holds RSA and EC signing keys generated in the
 * test, publishes their public parts as a JWKS over HTTP on the loopback interface (the JDK's
 * {@code com.sun.net.httpserver}) or in a file, and signs access tokens with them. Keys can be
 * added (rotation) while it runs; it counts the JWKS fetches.
 */
public final class TestIdentityProvider implements AutoCloseable {

  /** The issuer of its tokens. */
  public static final String ISSUER = "https://idp.test.example/realms/polity";

  /** The audience of its tokens. */
  public static final String AUDIENCE = "polity-api";

  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private final Map<String, JWK> signing = new HashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final HttpServer http;
  private final Path file;

  private TestIdentityProvider(HttpServer http, Path file) {
    this.http = http;
    this.file = file;
  }

  /**
   * A provider publishing its keys over HTTP, with one RSA key ({@code rsa-1}) and one P-256 EC key
   * ({@code ec-1}).
   *
   * @return the running provider
   */
  public static TestIdentityProvider overHttp() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      TestIdentityProvider provider = new TestIdentityProvider(http, null);
      http.createContext(
          "/certs",
          exchange -> {
            provider.fetches.incrementAndGet();
            byte[] body = provider.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      http.start();
      provider.addRsaKey("rsa-1");
      provider.addEcKey("ec-1");
      return provider;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A provider publishing its keys in a JWKS file, with one RSA key ({@code rsa-1}).
   *
   * @param file the file to write
   * @return the provider
   */
  public static TestIdentityProvider inFile(Path file) {
    TestIdentityProvider provider = new TestIdentityProvider(null, file);
    provider.addRsaKey("rsa-1");
    return provider;
  }

  /**
   * Generates a 2048-bit RSA key and publishes it.
   *
   * @param kid its key id
   */
  public void addRsaKey(String kid) {
    try {
      add(new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Generates a P-256 EC key and publishes it.
   *
   * @param kid its key id
   */
  public void addEcKey(String kid) {
    try {
      add(new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Generates a key that signs but is never published (a forger's, or a key not yet rotated in).
   *
   * @param kid its key id
   */
  public void addUnpublishedRsaKey(String kid) {
    try {
      signing.put(kid, new RSAKeyGenerator(2048).keyID(kid).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void add(JWK key) {
    signing.put(key.getKeyID(), key);
    published.add(key.toPublicJWK());
    if (file != null) {
      try {
        Files.writeString(file, jwks());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The public key set as JSON.
   *
   * @return the JWKS
   */
  public String jwks() {
    return new JWKSet(new ArrayList<>(published)).toString(true);
  }

  /**
   * A signing key's public part.
   *
   * @param kid its key id
   * @return the public key
   */
  public JWK publicKey(String kid) {
    return signing.get(kid).toPublicJWK();
  }

  /**
   * How many times the JWKS was fetched over HTTP.
   *
   * @return the count
   */
  public int fetches() {
    return fetches.get();
  }

  /**
   * Where the keys are published.
   *
   * @return the HTTP URL or the file path
   */
  public String jwksLocation() {
    return http != null
        ? URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/certs").toString()
        : file.toString();
  }

  /**
   * The {@code polity.auth.*} settings that trust this provider, with the roles in {@code
   * realm_access.roles} (as Keycloak puts them) and a 1 ms refresh interval so that a rotated key
   * is picked up at once.
   *
   * @return the settings
   */
  public Map<String, String> settings() {
    return Map.of(
        "polity.auth.issuer",
        ISSUER,
        "polity.auth.audience",
        AUDIENCE,
        "polity.auth.jwks",
        jwksLocation(),
        "polity.auth.roles-claim",
        "realm_access.roles",
        "polity.auth.jwks-refresh-min-interval",
        "PT0.001S");
  }

  /**
   * Claims of a valid access token for a user, as Keycloak would issue it: issuer, audience, issued
   * now, expiring in 5 minutes, roles under {@code realm_access.roles}.
   *
   * @param user the subject
   * @param roles the realm roles
   * @return a builder to adjust
   */
  public static JWTClaimsSet.Builder claims(String user, List<String> roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(user)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("realm_access", Map.of("roles", roles));
  }

  /**
   * A token signed with a key.
   *
   * @param kid the signing key
   * @param claims the claims
   * @return the compact JWT
   */
  public String sign(String kid, JWTClaimsSet claims) {
    return sign(kid, claims, header -> {});
  }

  /**
   * A token signed with a key, with an adjusted header.
   *
   * @param kid the signing key
   * @param claims the claims
   * @param header adjusts the header (type, and so on)
   * @return the compact JWT
   */
  public String sign(String kid, JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) {
    JWK key = signing.get(kid);
    try {
      JWSSigner signer;
      JWSAlgorithm algorithm;
      if (key instanceof RSAKey rsa) {
        signer = new RSASSASigner(rsa);
        algorithm = JWSAlgorithm.RS256;
      } else {
        signer = new ECDSASigner((ECKey) key);
        algorithm = JWSAlgorithm.ES256;
      }
      JWSHeader.Builder builder =
          new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT);
      header.accept(builder);
      SignedJWT jwt = new SignedJWT(builder.build(), claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A valid token for a user with roles, signed with {@code rsa-1}.
   *
   * @param user the subject
   * @param roles the realm roles
   * @return the compact JWT
   */
  public String token(String user, List<String> roles) {
    return sign("rsa-1", claims(user, roles).build());
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop(0);
    }
  }
}
