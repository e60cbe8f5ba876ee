package org.polity.jakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.jakarta.config.DatabaseSettings;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.jakarta.voting.JpaBallotBox;
import org.polity.voting.CountedBallot;
import org.polity.voting.VoteSettings;

/**
 * Live results for a large vote: the time to compute the outcome of a participatory budget from
 * the ballots stored in PostgreSQL, while the vote is still open. 400,000 approval ballots over 60
 * projects (a fixed seed; each ballot approves 1 to 10 projects, popular projects more often) are
 * loaded once; then the approvals per project are counted and the projects funded "most votes
 * first while money remains" (the greedy rule; issue 3's counting rules are not on main yet), in
 * three ways, each timed over several runs:
 *
 * <ol>
 *   <li>{@code api}: core's {@code BallotBox.countedBallots} (what the counted-ballots endpoint
 *       returns), then counting in Java;
 *   <li>{@code stream}: one JDBC query streaming the ballot contents, parsed with Jackson's
 *       streaming parser and counted on the fly;
 *   <li>{@code sql}: the counting done by PostgreSQL ({@code jsonb_array_elements_text}, group by),
 *       only the 60 totals travel.
 * </ol>
 *
 * <p>Runs only with {@code -Dpolity.bench=true} and the POLITY_TEST_POSTGRES_* variables; see
 * docs/benchmarks.md for the command. Prints {@code LIVE-RESULTS} lines.
 */
class LiveResultsBenchmark {

  private static final int PROJECTS = 60;

  @Test
  void liveResults() throws Exception {
    assumeTrue(Boolean.getBoolean("polity.bench"), "benchmark: run with -Dpolity.bench=true");
    Optional<Map<String, String>> postgres = TestDatabase.postgres();
    assumeTrue(postgres.isPresent(), "benchmark needs " + TestDatabase.URL_ENV);
    int ballots = Integer.getInteger("polity.bench.ballots", 400_000);
    int runs = Integer.getInteger("polity.bench.runs", 5);
    Map<String, String> settings = postgres.get();
    try (var closing = new Closing(PolityDatabase.open(new DatabaseSettings(Optional.empty(),
        Optional.of(settings.get("polity.database.url")), settings.get("polity.database.user"),
        settings.get("polity.database.password"), 4, true)))) {
      PolityDatabase database = closing.database;
      BudgetId budget = BudgetId.of("live-" + Long.toHexString(System.nanoTime()));
      byte[] pepper = new byte[32];
      JpaBallotBox box = new JpaBallotBox(database, pepper, Clock.systemUTC(), new SecureRandom(),
          cast -> { });
      box.open(VoteSettings.builder(budget).opens(Instant.now().minusSeconds(60))
          .closes(Instant.now().plusSeconds(86_400)).build());
      long[] expected = load(database, budget, ballots);
      long[] costs = new Random(7).longs(PROJECTS, 50_000, 1_500_000).toArray();
      long budgetLimit = 10_000_000;
      List<Integer> expectedWinners = greedy(expected, costs, budgetLimit);

      for (String way : List.of("api", "stream", "sql")) {
        double[] seconds = new double[runs + 1];
        double[] javaCpu = new double[runs + 1];
        double[] postgresCpu = new double[runs + 1];
        for (int run = 0; run <= runs; run++) {
          long cpuStart = THREADS.getCurrentThreadCpuTime();
          POSTGRES_TICKS.set(0L);
          long start = System.nanoTime();
          long[] approvals = switch (way) {
            case "api" -> tallyApi(box, budget);
            case "stream" -> tallyStream(database, budget);
            default -> tallySql(database, budget);
          };
          List<Integer> winners = greedy(approvals, costs, budgetLimit);
          seconds[run] = (System.nanoTime() - start) / 1e9;
          javaCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
          postgresCpu[run] = POSTGRES_TICKS.get() / (double) CLOCK_TICKS;
          assertThat(approvals).isEqualTo(expected);
          assertThat(winners).isEqualTo(expectedWinners);
        }
        double[] measured = Arrays.copyOfRange(seconds, 1, seconds.length); // first run warms up
        Arrays.sort(measured);
        System.out.printf("LIVE-RESULTS way=%s ballots=%d projects=%d runs=%d: median %.3f s,"
                + " min %.3f s, max %.3f s (warm-up run %.3f s), %d projects funded;"
                + " CPU per run (median): Java thread %.3f s, PostgreSQL backend %s%n",
            way, ballots, PROJECTS, runs, measured[runs / 2], measured[0], measured[runs - 1],
            seconds[0], expectedWinners.size(), median(javaCpu),
            way.equals("api") ? "not measured" : String.format("%.3f s", median(postgresCpu)));
      }
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  /** Linux clock ticks per second (USER_HZ), the unit of /proc/PID/stat times. */
  private static final long CLOCK_TICKS = 100;
  /** CPU ticks the PostgreSQL backend spent on the current run's query. */
  private static final ThreadLocal<Long> POSTGRES_TICKS = ThreadLocal.withInitial(() -> 0L);

  private static double median(double[] values) {
    double[] sorted = Arrays.copyOfRange(values, 1, values.length);
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The CPU ticks (user and system) used so far by the backend serving this connection. */
  private static long backendTicks(Connection connection) throws SQLException {
    int pid;
    try (var statement = connection.createStatement();
         ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      pid = row.getInt(1);
    }
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid + "", "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Stores the ballots (not timed), as the fast cast path does; returns the true approvals. */
  private static long[] load(PolityDatabase database, BudgetId budget, int ballots)
      throws SQLException {
    Random random = new Random(2026);
    long[] approvals = new long[PROJECTS];
    long started = System.nanoTime();
    int batch = 5_000;
    for (int from = 0; from < ballots; from += batch) {
      int to = Math.min(ballots, from + batch);
      int first = from;
      database.inJdbcTransaction(connection -> {
        try (PreparedStatement participation = connection.prepareStatement(
                "INSERT INTO polity_participation (id, budget_id, participant_key, channel)"
                    + " VALUES (?, ?, ?, 'ONLINE')");
             PreparedStatement ballot = connection.prepareStatement(
                "INSERT INTO polity_ballot (id, budget_id, slot, receipt_hash, kind, contents)"
                    + " VALUES (?, ?, ?, ?, 'approval', ?)")) {
          for (int i = first; i < to; i++) {
            participation.setString(1, UUID.randomUUID().toString());
            participation.setString(2, budget.value());
            participation.setString(3, "bench-" + i);
            participation.addBatch();
            ballot.setString(1, UUID.randomUUID().toString());
            ballot.setString(2, budget.value());
            ballot.setString(3, budget.value() + "-" + i);
            ballot.setString(4, (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", ""));
            ballot.setString(5, approvalJson(random, approvals));
            ballot.addBatch();
          }
          participation.executeBatch();
          ballot.executeBatch();
        }
        return null;
      });
    }
    try (Connection connection = database.dataSource().getConnection();
         var analyze = connection.createStatement()) {
      analyze.execute("ANALYZE polity_ballot");
    }
    System.out.printf("LIVE-RESULTS loaded %d ballots in %.1f s%n", ballots,
        (System.nanoTime() - started) / 1e9);
    return approvals;
  }

  /** An approval ballot of 1 to 10 distinct projects, low numbers more popular. */
  private static String approvalJson(Random random, long[] approvals) {
    int size = 1 + random.nextInt(10);
    boolean[] chosen = new boolean[PROJECTS];
    StringBuilder json = new StringBuilder("{\"kind\":\"approval\",\"projects\":[");
    int added = 0;
    while (added < size) {
      int project = (int) Math.min(PROJECTS - 1, Math.abs(random.nextGaussian()) * PROJECTS / 2.5);
      if (!chosen[project]) {
        chosen[project] = true;
        approvals[project]++;
        json.append(added++ == 0 ? "" : ",").append("\"p").append(project).append('"');
      }
    }
    return json.append("]}").toString();
  }

  private static long[] tallyApi(JpaBallotBox box, BudgetId budget) {
    long[] approvals = new long[PROJECTS];
    for (CountedBallot counted : box.countedBallots(budget)) {
      for (var project : ((Ballot.Approval) counted.ballot()).projects()) {
        approvals[Integer.parseInt(project.value().substring(1))]++;
      }
    }
    return approvals;
  }

  private static final JsonFactory JSON = new JsonFactory();

  private static long[] tallyStream(PolityDatabase database, BudgetId budget) throws SQLException {
    long[] approvals = new long[PROJECTS];
    Map<String, Integer> index = new HashMap<>();
    for (int p = 0; p < PROJECTS; p++) {
      index.put("p" + p, p);
    }
    database.inJdbcTransaction(connection -> {
      long ticks = backendTicks(connection);
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT contents FROM polity_ballot WHERE budget_id = ? AND kind = 'approval'")) {
        query.setFetchSize(20_000);
        query.setString(1, budget.value());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            try (JsonParser parser = JSON.createParser(rows.getString(1))) {
              boolean inProjects = false;
              for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                  inProjects = parser.currentName().equals("projects");
                } else if (inProjects && token == JsonToken.VALUE_STRING) {
                  approvals[index.get(parser.getText())]++;
                }
              }
            } catch (IOException e) {
              throw new SQLException("Unreadable ballot: " + e.getMessage(), e);
            }
          }
        }
      }
      POSTGRES_TICKS.set(backendTicks(connection) - ticks);
      return null;
    });
    return approvals;
  }

  private static long[] tallySql(PolityDatabase database, BudgetId budget) throws SQLException {
    long[] approvals = new long[PROJECTS];
    database.inJdbcTransaction(connection -> {
      try (var serial = connection.createStatement()) {
        // One backend does the whole count, so that its CPU time is the whole cost.
        serial.execute("SET LOCAL max_parallel_workers_per_gather = 0");
      }
      long ticks = backendTicks(connection);
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT p, count(*) FROM polity_ballot b,"
              + " jsonb_array_elements_text(b.contents::jsonb -> 'projects') p"
              + " WHERE b.budget_id = ? AND b.kind = 'approval' GROUP BY p")) {
        query.setString(1, budget.value());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            approvals[Integer.parseInt(rows.getString(1).substring(1))] = rows.getLong(2);
          }
        }
      }
      POSTGRES_TICKS.set(backendTicks(connection) - ticks);
      return null;
    });
    return approvals;
  }

  /** Most approvals first (ties: lower project number), funded while the money suffices. */
  static List<Integer> greedy(long[] approvals, long[] costs, long limit) {
    Integer[] order = new Integer[approvals.length];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> approvals[a] != approvals[b]
        ? Long.compare(approvals[b], approvals[a]) : Integer.compare(a, b));
    List<Integer> funded = new ArrayList<>();
    long left = limit;
    for (int project : order) {
      if (costs[project] <= left) {
        funded.add(project);
        left -= costs[project];
      }
    }
    return funded;
  }

  private record Closing(PolityDatabase database) implements AutoCloseable {
    @Override
    public void close() {
      database.close();
    }
  }
}
