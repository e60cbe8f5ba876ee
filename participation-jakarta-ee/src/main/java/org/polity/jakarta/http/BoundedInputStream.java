package org.polity.jakarta.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A request body that refuses to be read past a limit: the byte after the limit throws the
 * exception given, so that no reader (JSON-P, JSON-B, an upload) ever holds more than the limit.
 */
final class BoundedInputStream extends FilterInputStream {

  private final long limit;
  private final Supplier<? extends RuntimeException> tooLarge;
  private long count;

  BoundedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // Never read more than one byte past the limit in one go.
    long room = limit - count + 1;
    int n = super.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - count + 1));
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) {
    count += n;
    if (count > limit) {
      throw tooLarge.get();
    }
  }
}
