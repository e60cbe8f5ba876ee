package org.polity.jakarta.voting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Group commit of first ballots on PostgreSQL: the first ballots that request threads hand over
 * while a commit is under way are written together, in one statement that is its own transaction,
 * and each request thread gets its own answer once that transaction is durably committed.
 *
 * <p>Why: a durable commit costs the database a WAL flush and a round trip whatever the size of the
 * transaction, and at a few hundred ballots per second each ballot paid for its own (issue 5,
 * docs/benchmarks.md). Nothing waits on purpose: a writer takes whatever is queued when it becomes
 * free (one ballot when the load is low, up to {@value #MAX_BATCH} under load).
 *
 * <p>The statement inserts the participation rows with {@code ON CONFLICT DO NOTHING}, then the
 * ballot rows of exactly the participation rows it inserted (joined on their fresh ids), and
 * returns those ids. So, per ballot:
 *
 * <ul>
 *   <li>returned: the participation row and the ballot are committed, the ballot counts once;
 *   <li>not returned: the participant already had a row (a replacement, a refusal, a pending paper
 *       encoding, or the same participant twice at once): nothing of this ballot is stored, and the
 *       caller takes the general path, which locks the row and decides;
 *   <li>the statement failed (anything at all: nothing of the group is stored, the transaction is
 *       rolled back): every ballot of the group gets {@link Result#FAILED}, and its caller stores
 *       it alone. One ballot's failure never decides another's outcome.
 * </ul>
 *
 * <p>Rows are written in the order of (budget, participant key), so that two groups never wait on
 * each other's keys in opposite orders. Writer threads (at most {@code writers}) are started when
 * ballots arrive and end after {@value #IDLE_SECONDS} s without any.
 */
final class FirstBallotWriter {

  /** The most ballots written in one statement. */
  static final int MAX_BATCH = 64;

  /** How long an idle writer thread waits before it ends. */
  static final int IDLE_SECONDS = 30;

  /** What became of a ballot handed to {@link #write}. */
  enum Result {
    /** Stored and committed. */
    STORED,
    /** Not stored: the participant already has a participation row. */
    PARTICIPANT_KNOWN,
    /** Not stored: the group's statement failed; store this ballot alone. */
    FAILED
  }

  /**
   * The two rows of a first ballot.
   *
   * @param participationId the participation row's id
   * @param budget the budget
   * @param participantKey the participant key
   * @param channel the channel kind
   * @param encoder the encoding staff member, or null
   * @param ballotId the ballot row's id
   * @param slot the slot handle
   * @param receiptHash the receipt hash
   * @param kind the ballot kind
   * @param contents the ballot as JSON
   */
  record Row(
      String participationId,
      String budget,
      String participantKey,
      String channel,
      String encoder,
      String ballotId,
      String slot,
      String receiptHash,
      String kind,
      String contents) {
    Row {
      Objects.requireNonNull(participationId, "participationId");
      Objects.requireNonNull(budget, "budget");
      Objects.requireNonNull(participantKey, "participantKey");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(ballotId, "ballotId");
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(receiptHash, "receiptHash");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(contents, "contents");
    }
  }

  static final String INSERT_GROUP =
      "WITH input AS ("
          + "SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
          + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
          + " AS t(participation_id, budget_id, participant_key, channel, encoder, ballot_id, slot,"
          + " receipt_hash, kind, contents)),"
          + " participation AS (INSERT INTO polity_participation"
          + " (id, budget_id, participant_key, channel, encoder, pending_id)"
          + " SELECT participation_id, budget_id, participant_key, channel, encoder, NULL FROM input"
          + " ON CONFLICT DO NOTHING RETURNING id),"
          + " ballot AS (INSERT INTO polity_ballot (id, budget_id, slot, receipt_hash, kind, contents)"
          + " SELECT i.ballot_id, i.budget_id, i.slot, i.receipt_hash, i.kind, i.contents"
          + " FROM input i JOIN participation p ON p.id = i.participation_id)"
          + " SELECT id FROM participation";

  private static final Comparator<Pending> ORDER =
      Comparator.comparing((Pending p) -> p.row.budget())
          .thenComparing(p -> p.row.participantKey());

  private final DataSource dataSource;
  private final int writers;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger threadNumbers = new AtomicInteger();

  /**
   * A writer on a PostgreSQL data source.
   *
   * @param dataSource the pool; each writer thread holds one of its connections while it writes
   * @param writers the most writer threads (statements under way at once)
   */
  FirstBallotWriter(DataSource dataSource, int writers) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (writers < 1) {
      throw new IllegalArgumentException(
          "The ballot writer has " + writers + " threads: give 1 or more.");
    }
    this.writers = writers;
  }

  /**
   * Writes a first ballot with whatever others are waiting, and returns once its group's
   * transaction is over (committed, or rolled back).
   *
   * @param row the two rows
   * @return what became of the ballot
   */
  Result write(Row row) {
    Pending pending = new Pending(row);
    queue.add(pending);
    startWriterIfNeeded();
    return pending.await();
  }

  /**
   * Writes the given ballots as one group on the calling thread, as a writer thread would have (for
   * tests: which ballots form a group is otherwise up to timing).
   *
   * @param rows the ballots
   * @return what became of each, in the order given
   */
  List<Result> writeTogether(List<Row> rows) {
    List<Pending> group = new ArrayList<>();
    for (Row row : rows) {
      group.add(new Pending(row));
    }
    writeGroup(new ArrayList<>(group));
    return group.stream().map(p -> p.result).toList();
  }

  private void startWriterIfNeeded() {
    for (; ; ) {
      int now = running.get();
      if (now >= writers) {
        return;
      }
      if (running.compareAndSet(now, now + 1)) {
        Thread thread =
            new Thread(this::run, "polity-ballot-writer-" + threadNumbers.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return;
      }
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>(MAX_BATCH);
    for (; ; ) {
      Pending first;
      try {
        first = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        first = null;
      }
      if (first == null) {
        running.decrementAndGet();
        // A ballot queued while this thread was deciding to end would wait for nobody: stay.
        if (queue.isEmpty() || !rejoin()) {
          return;
        }
        continue;
      }
      group.add(first);
      queue.drainTo(group, MAX_BATCH - 1);
      writeGroup(group);
      group.clear();
    }
  }

  private boolean rejoin() {
    for (; ; ) {
      int now = running.get();
      if (now >= writers) {
        return false;
      }
      if (running.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  private void writeGroup(List<Pending> group) {
    group.sort(ORDER);
    Set<String> stored = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement insert = connection.prepareStatement(INSERT_GROUP)) {
        String[][] columns = new String[10][group.size()];
        for (int i = 0; i < group.size(); i++) {
          Row row = group.get(i).row;
          columns[0][i] = row.participationId();
          columns[1][i] = row.budget();
          columns[2][i] = row.participantKey();
          columns[3][i] = row.channel();
          columns[4][i] = row.encoder();
          columns[5][i] = row.ballotId();
          columns[6][i] = row.slot();
          columns[7][i] = row.receiptHash();
          columns[8][i] = row.kind();
          columns[9][i] = row.contents();
        }
        List<Array> arrays = new ArrayList<>(10);
        for (int c = 0; c < 10; c++) {
          Array array = connection.createArrayOf("varchar", columns[c]);
          arrays.add(array);
          insert.setArray(c + 1, array);
        }
        try (ResultSet ids = insert.executeQuery()) {
          while (ids.next()) {
            stored.add(ids.getString(1));
          }
        }
        if (!autoCommit) {
          connection.commit();
        }
        for (Array array : arrays) {
          array.free();
        }
      } catch (SQLException | RuntimeException e) {
        if (!autoCommit) {
          connection.rollback();
        }
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      for (Pending pending : group) {
        pending.finish(Result.FAILED);
      }
      return;
    }
    for (Pending pending : group) {
      pending.finish(
          stored.contains(pending.row.participationId())
              ? Result.STORED
              : Result.PARTICIPANT_KNOWN);
    }
  }

  /** A ballot handed over, and its result once known. */
  private static final class Pending {
    final Row row;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Result result;

    Pending(Row row) {
      this.row = row;
    }

    void finish(Result outcome) {
      result = outcome;
      done.countDown();
    }

    /**
     * Waits for the result; an interrupt is kept for later, as the ballot's fate is already sealed.
     */
    Result await() {
      boolean interrupted = false;
      try {
        for (; ; ) {
          try {
            done.await();
            return result;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
