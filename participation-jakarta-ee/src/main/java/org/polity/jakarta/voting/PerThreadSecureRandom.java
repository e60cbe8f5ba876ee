package org.polity.jakarta.voting;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A cryptographically strong source that draws from one DRBG (NIST SP 800-90A, seeded by the
 * system's entropy) per thread. The default {@code SecureRandom} on Linux, NativePRNG, serialises
 * every draw in the JVM on one lock; under many concurrent ballots (a receipt code, a slot and two
 * row ids each) the request threads queued on it. Independent generators per thread remove that
 * queue without weakening anything.
 */
final class PerThreadSecureRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  private final transient ThreadLocal<SecureRandom> generators =
      ThreadLocal.withInitial(PerThreadSecureRandom::generator);

  PerThreadSecureRandom() {}

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  @Override
  public void nextBytes(byte[] bytes) {
    generators.get().nextBytes(bytes);
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    return generators.get().generateSeed(numBytes);
  }

  @Override
  public void setSeed(byte[] seed) {
    // Adds to the current thread's generator (never replaces its system seed).
    if (generators != null) {
      generators.get().setSeed(seed);
    }
  }

  @Override
  public void setSeed(long seed) {
    // Called by the superclass constructor before the fields exist; a long adds no strength.
  }

  @Override
  public String getAlgorithm() {
    return "DRBG, one per thread";
  }
}
