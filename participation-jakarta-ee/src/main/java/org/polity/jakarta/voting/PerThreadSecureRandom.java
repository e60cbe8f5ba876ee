package org.polity.jakarta.voting;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A cryptographically strong source that draws from one DRBG (NIST SP 800-90A, seeded by the
 * system's entropy) per thread. The default {@code SecureRandom} on Linux, NativePRNG, serialises
 * every draw in the JVM on one lock; under many concurrent ballots (a receipt code, a slot and two
 * row ids each) the request threads queued on it. Independent generators per thread remove that
 * queue without weakening anything.
 *
 * <p>Each thread's generator is drawn 256 bytes at a time into a buffer that small requests are
 * served from: a receipt code alone takes 20 draws of 4 bytes ({@code nextInt}), and each draw of
 * the DRBG has a fixed cost (its state update hashes) far above copying bytes. Bytes handed out are
 * wiped from the buffer, so none stays in memory after use.
 */
final class PerThreadSecureRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  /** Bytes drawn from the DRBG at a time. */
  static final int BUFFER = 256;

  private final transient ThreadLocal<Buffered> generators =
      ThreadLocal.withInitial(() -> new Buffered(generator()));

  /** A thread's generator and its buffer of drawn, not yet used bytes. */
  private static final class Buffered {
    final SecureRandom generator;
    final byte[] buffer = new byte[BUFFER];
    int next = BUFFER;

    Buffered(SecureRandom generator) {
      this.generator = generator;
    }

    void nextBytes(byte[] bytes) {
      if (bytes.length > BUFFER / 4) {
        generator.nextBytes(bytes);
        return;
      }
      int filled = 0;
      while (filled < bytes.length) {
        if (next == BUFFER) {
          generator.nextBytes(buffer);
          next = 0;
        }
        int n = Math.min(bytes.length - filled, BUFFER - next);
        System.arraycopy(buffer, next, bytes, filled, n);
        java.util.Arrays.fill(buffer, next, next + n, (byte) 0);
        next += n;
        filled += n;
      }
    }
  }

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
    return generators.get().generator.generateSeed(numBytes);
  }

  @Override
  public void setSeed(byte[] seed) {
    // Adds to the current thread's generator (never replaces its system seed).
    if (generators != null) {
      generators.get().generator.setSeed(seed);
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
