package org.polity.jakarta.results;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Decodes stored ballots on a second thread while the reading thread fetches the next rows from the
 * database: on a machine with two cores or more, the JDBC driver's work (receiving rows, making
 * strings) and the decoding overlap instead of adding up.
 *
 * <p>The reading thread {@link #add}s the rows in order; they go to the decoder in chunks of {@link
 * #CHUNK} through a bounded queue, and one decoding thread hands them to the {@link BallotDecoder}
 * in the same order, so the decoder sees exactly what a loop on one thread gives it. A count with
 * fewer rows than a chunk starts no thread: {@link #finish} decodes them on the calling thread.
 * {@link #finish} returns once every row is decoded (the decoder's state is then visible to the
 * caller) and rethrows what the decoder threw (a corrupt row). {@link #close} stops the decoding
 * thread if the reading failed. One pipeline per count; not thread-safe.
 */
final class DecodingPipeline implements AutoCloseable {

  /** Rows handed to the decoding thread at a time. */
  static final int CHUNK = 2_048;

  /** Chunks waiting at most: bounds the memory held when decoding is slower than reading. */
  private static final int QUEUED = 16;

  private static final Object[] END = new Object[0];

  private final BallotDecoder decoder;
  private final BlockingQueue<Object[]> chunks = new ArrayBlockingQueue<>(QUEUED);
  private Thread worker;
  private volatile Throwable failure;
  private Object[] chunk = new Object[CHUNK];
  private int filled;

  /**
   * A pipeline feeding a decoder.
   *
   * @param decoder the decoder, used by the decoding thread only until {@link #finish} returns
   */
  DecodingPipeline(BallotDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Queues one stored ballot for decoding.
   *
   * @param contents the stored JSON
   * @throws IllegalStateException when the decoder already failed on an earlier row (its failure)
   */
  void add(String contents) {
    queue(contents);
  }

  /**
   * Queues one stored ballot for decoding, as the UTF-8 bytes of its JSON ({@link
   * BallotDecoder#add(byte[])}).
   *
   * @param contents the stored JSON in UTF-8
   * @throws IllegalStateException when the decoder already failed on an earlier row (its failure)
   */
  void add(byte[] contents) {
    queue(contents);
  }

  private void queue(Object contents) {
    chunk[filled++] = contents;
    if (filled == CHUNK) {
      if (worker == null) {
        worker = new Thread(this::decode, "polity-ballot-decoder");
        worker.setDaemon(true);
        worker.start();
      }
      hand(chunk);
      chunk = new Object[CHUNK];
      filled = 0;
    }
  }

  /**
   * Waits until every queued row is decoded.
   *
   * @throws IllegalStateException what the decoder threw on a corrupt row
   */
  void finish() {
    if (worker == null) {
      for (int i = 0; i < filled; i++) {
        decodeOne(chunk[i]);
      }
      return;
    }
    if (filled > 0) {
      hand(Arrays.copyOf(chunk, filled));
    }
    hand(END);
    join();
    rethrow();
  }

  /** Stops the decoding thread when the rows were not all read (the reading failed). */
  @Override
  public void close() {
    if (worker != null && worker.isAlive()) {
      worker.interrupt();
      join();
    }
  }

  private void decode() {
    try {
      while (true) {
        Object[] rows = chunks.take();
        if (rows == END) {
          return;
        }
        for (Object row : rows) {
          decodeOne(row);
        }
      }
    } catch (InterruptedException e) {
      // close(): the reading failed, nothing more will come
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  private void decodeOne(Object row) {
    if (row instanceof byte[] bytes) {
      decoder.add(bytes);
    } else {
      decoder.add((String) row);
    }
  }

  private void hand(Object[] rows) {
    try {
      while (!chunks.offer(rows, 50, TimeUnit.MILLISECONDS)) {
        if (!worker.isAlive()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while counting ballots.", e);
    }
    rethrow();
  }

  private void join() {
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrow() {
    Throwable failed = failure;
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
  }
}
