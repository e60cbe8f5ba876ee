package org.polity.jakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.results.BudgetResults;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.jakarta.testing.TestDatabase;

/**
 * Live results for a large vote: the time the product takes to compute the results of a
 * participatory budget from the ballots stored in PostgreSQL while the vote is still open. A real
 * server runs on PostgreSQL; a process with 60 projects is brought to its vote through the REST
 * API; 400,000 approval ballots (a fixed seed; 1 to 10 projects each, popular projects more often)
 * are stored by batched inserts (not timed, as the fast cast path stores them). Then, each way once
 * to warm up and then several times:
 *
 * <ol>
 *   <li>{@code service}: {@link ResultsService#count} (one streaming query, decoding, core's greedy
 *       rule and its explanations): what {@code GET /results} computes;
 *   <li>{@code http}: {@code GET /api/v1/budgets/{id}/results} as staff, through Jersey and
 *       Grizzly, explanations in French (the service plus the JSON);
 *   <li>{@code election}: only reading and decoding the ballots ({@link ResultsService#election});
 *   <li>{@code rule=mes+add1}, {@code rule=phragmen}: core's other rules on the election read once
 *       (the count only), to show what choosing them adds.
 * </ol>
 *
 * <p>{@code -Dpolity.bench.rules=false} leaves out the last two ways. Every run checks the tallies
 * against the true ones and the winners against core's rule on the ballots as generated. CPU: the
 * whole JVM's (all threads, GC included) and the PostgreSQL server's (every backend of this
 * cluster, from {@code /proc}). Runs only with {@code -Dpolity.bench=true} and the
 * POLITY_TEST_POSTGRES_* variables; see docs/benchmarks.md. Prints {@code LIVE-RESULTS} lines.
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
    Map<String, String> settings = new HashMap<>(postgres.get());
    settings.put("polity.mode", "development");
    // Every reading recounts (the default snapshots provisional counts: docs/integrity.md).
    settings.put("polity.results.provisional-every", "PT0S");
    settings.put("polity.results.provisional-min-ballots", "0");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      List<Long> costs =
          Arrays.stream(new Random(7).longs(PROJECTS, 50_000, 1_500_000).toArray())
              .boxed()
              .toList();
      long envelope = 10_000_000;
      BallotProcess process = BallotProcess.create(server.uri(), "live", envelope, costs, null);
      BudgetId budget = BudgetId.of(process.budget());
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> declared =
          client.send(
              HttpRequest.newBuilder(server.uri().resolve("api/v1/budgets/" + budget + "/vote"))
                  .header("Content-Type", "application/json")
                  .header("X-Polity-Dev-User", "ada")
                  .header("X-Polity-Dev-Roles", "administrator")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"opensAt\":\""
                              + Instant.now().minusSeconds(3600)
                              + "\",\"closesAt\":\""
                              + Instant.now().plusSeconds(86_400)
                              + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);

      PolityDatabase database = server.bean(PolityDatabase.class);
      List<ProjectId> ids = process.projects().stream().map(ProjectId::of).toList();
      List<Ballot> generated = new ArrayList<>();
      long[] expected = load(database, budget, ids, ballots, generated);
      List<ElectionProject> projects = new ArrayList<>();
      for (int i = 0; i < PROJECTS; i++) {
        projects.add(ElectionProject.of(ids.get(i).value(), costs.get(i)));
      }
      Election truth = new Election(BigDecimal.valueOf(envelope), "EUR", projects, generated);
      CountingOptions mesAdd1 = CountingOptions.defaults().withCompletion(Completion.add1());
      CountingResult greedy =
          CountingRules.named("greedy").count(truth, CountingOptions.defaults());
      CountingResult mes = CountingRules.named("mes").count(truth, mesAdd1);
      CountingResult phragmen =
          CountingRules.named("phragmen").count(truth, CountingOptions.defaults());
      long postmaster = postmaster(database);

      ResultsService results = server.bean(ResultsService.class);
      measure(
          "service",
          ballots,
          runs,
          postmaster,
          () -> {
            BudgetResults counted = results.count(budget).orElseThrow();
            assertThat(counted.projects())
                .extracting(BudgetResults.ProjectTally::votes)
                .containsExactlyElementsOf(Arrays.stream(expected).boxed().toList());
            assertThat(counted.result().winners()).isEqualTo(greedy.winners());
            return counted.result().winners().size() + " projects funded";
          });
      measure(
          "http",
          ballots,
          runs,
          postmaster,
          () -> {
            try {
              HttpResponse<String> response =
                  client.send(
                      HttpRequest.newBuilder(
                              server.uri().resolve("api/v1/budgets/" + budget + "/results"))
                          .header("X-Polity-Dev-User", "ada")
                          .header("X-Polity-Dev-Roles", "administrator")
                          .header("Accept-Language", "fr")
                          .timeout(Duration.ofSeconds(120))
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              assertThat(response.body())
                  .contains("\"provisional\":true")
                  .contains("\"winners\":[\"" + greedy.winners().get(0).value() + "\"");
              return response.body().length() + " bytes of JSON";
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException(e);
            }
          });
      measure(
          "election",
          ballots,
          runs,
          postmaster,
          () -> {
            Election election = results.election(budget).orElseThrow();
            assertThat(election.ballots()).hasSize(ballots);
            return "ballots read and decoded";
          });
      if (!Boolean.parseBoolean(System.getProperty("polity.bench.rules", "true"))) {
        return;
      }
      Election election = results.election(budget).orElseThrow();
      measure(
          "rule=mes+add1",
          ballots,
          runs,
          postmaster,
          () -> {
            CountingResult result = CountingRules.named("mes").count(election, mesAdd1);
            assertThat(result.winners()).isEqualTo(mes.winners());
            return result.winners().size() + " projects funded";
          });
      measure(
          "rule=phragmen",
          ballots,
          runs,
          postmaster,
          () -> {
            CountingResult result =
                CountingRules.named("phragmen").count(election, CountingOptions.defaults());
            assertThat(result.winners()).isEqualTo(phragmen.winners());
            return result.winners().size() + " projects funded";
          });
    }
  }

  private static void measure(
      String way, int ballots, int runs, long postmaster, Supplier<String> work) {
    double[] seconds = new double[runs + 1];
    double[] javaCpu = new double[runs + 1];
    double[] postgresCpu = new double[runs + 1];
    String note = "";
    for (int run = 0; run <= runs; run++) {
      long cpu = processCpu();
      long ticks = clusterTicks(postmaster);
      long start = System.nanoTime();
      note = work.get();
      seconds[run] = (System.nanoTime() - start) / 1e9;
      javaCpu[run] = (processCpu() - cpu) / 1e9;
      postgresCpu[run] = (clusterTicks(postmaster) - ticks) / (double) CLOCK_TICKS;
    }
    double[] measured = Arrays.copyOfRange(seconds, 1, seconds.length); // the first run warms up
    Arrays.sort(measured);
    System.out.printf(
        "LIVE-RESULTS way=%s ballots=%d projects=%d runs=%d: median %.3f s, min %.3f s,"
            + " max %.3f s (warm-up %.3f s); CPU per run (median): JVM %.3f s, PostgreSQL %.3f s; %s;"
            + " load %s%n",
        way,
        ballots,
        PROJECTS,
        runs,
        measured[runs / 2],
        measured[0],
        measured[runs - 1],
        seconds[0],
        median(javaCpu),
        median(postgresCpu),
        note,
        loadAverage());
  }

  /** Linux clock ticks per second (USER_HZ), the unit of /proc/PID/stat times. */
  private static final long CLOCK_TICKS = 100;

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double median(double[] values) {
    double[] sorted = Arrays.copyOfRange(values, 1, values.length);
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The PostgreSQL server process (the parent of the backend serving a connection). */
  private static long postmaster(PolityDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        var statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      String[] stat = stat(row.getLong(1));
      return stat == null ? -1 : Long.parseLong(stat[1]);
    }
  }

  /** CPU ticks used so far by every child of the PostgreSQL server (its backends and workers). */
  private static long clusterTicks(long postmaster) {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) processes::iterator) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] stat = stat(Long.parseLong(name));
        if (stat != null
            && (Long.parseLong(stat[1]) == postmaster || Long.parseLong(name) == postmaster)) {
          ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }

  /** The fields of /proc/PID/stat after the command name: state, ppid, ... (null if gone). */
  private static String[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Stores the ballots (not timed), as the fast cast path does; returns the true approvals. */
  static long[] load(
      PolityDatabase database,
      BudgetId budget,
      List<ProjectId> ids,
      int ballots,
      List<Ballot> generated)
      throws SQLException {
    Random random = new Random(2026);
    long[] approvals = new long[PROJECTS];
    long started = System.nanoTime();
    int batch = 5_000;
    for (int from = 0; from < ballots; from += batch) {
      int to = Math.min(ballots, from + batch);
      int first = from;
      database.inJdbcTransaction(
          connection -> {
            try (PreparedStatement participation =
                    connection.prepareStatement(
                        "INSERT INTO polity_participation (id, budget_id, participant_key, channel)"
                            + " VALUES (?, ?, ?, 'ONLINE')");
                PreparedStatement ballot =
                    connection.prepareStatement(
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
                ballot.setString(5, approvalJson(random, ids, approvals, generated));
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
      boolean h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
      analyze.execute(h2 ? "ANALYZE TABLE polity_ballot" : "ANALYZE polity_ballot");
    }
    System.out.printf(
        "LIVE-RESULTS loaded %d ballots in %.1f s%n", ballots, (System.nanoTime() - started) / 1e9);
    return approvals;
  }

  /** An approval ballot of 1 to 10 distinct projects, the first projects more popular. */
  private static String approvalJson(
      Random random, List<ProjectId> ids, long[] approvals, List<Ballot> generated) {
    int size = 1 + random.nextInt(10);
    Set<ProjectId> chosen = new LinkedHashSet<>();
    StringBuilder json = new StringBuilder("{\"kind\":\"approval\",\"projects\":[");
    while (chosen.size() < size) {
      int project = (int) Math.min(PROJECTS - 1, Math.abs(random.nextGaussian()) * PROJECTS / 2.5);
      if (chosen.add(ids.get(project))) {
        approvals[project]++;
        json.append(chosen.size() == 1 ? "" : ",")
            .append('"')
            .append(ids.get(project).value())
            .append('"');
      }
    }
    generated.add(new Ballot.Approval(chosen));
    return json.append("]}").toString();
  }
}
