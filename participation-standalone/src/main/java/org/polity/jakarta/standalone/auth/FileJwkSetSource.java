package org.polity.jakarta.standalone.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The identity provider's keys read from a JWKS file, for air-gapped setups. The file is read again
 * whenever the cache in front of it asks (after its time to live, or for a token signed with a key
 * it does not know), so replacing the file rotates the keys without a restart. Only the public
 * parts of the keys are kept.
 */
final class FileJwkSetSource implements JWKSetSource<SecurityContext> {

  private final Path file;

  FileJwkSetSource(Path file) {
    this.file = file;
  }

  @Override
  public JWKSet getJWKSet(
      JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
      throws KeySourceException {
    try {
      return JWKSet.load(file.toFile()).toPublicJWKSet();
    } catch (IOException | ParseException e) {
      throw new KeySourceException("Cannot read the JWKS file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // Nothing is held open.
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
