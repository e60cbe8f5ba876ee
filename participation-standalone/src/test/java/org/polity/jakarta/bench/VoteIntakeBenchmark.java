package org.polity.jakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polity.common.BudgetId;
import org.polity.jakarta.standalone.DevelopmentAuthenticationFilter;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.voting.BallotBox;
import org.polity.voting.VoteSettings;

/**
 * Vote intake through the REST API into PostgreSQL with durable commits: a bounded load generator
 * on loopback, many concurrent clients casting valid ballots for distinct participants. Prints
 * ballots per second and p50/p99 latency. Runs only with {@code -Dpolity.bench=true} and the
 * POLITY_TEST_POSTGRES_* variables; see docs/benchmarks.md for the command.
 */
class VoteIntakeBenchmark {

  @Test
  void voteIntake() throws Exception {
    assumeTrue(Boolean.getBoolean("polity.bench"), "benchmark: run with -Dpolity.bench=true");
    Optional<Map<String, String>> postgres = TestDatabase.postgres();
    assumeTrue(postgres.isPresent(), "benchmark needs " + TestDatabase.URL_ENV);
    int clients = Integer.getInteger("polity.bench.clients", 32);
    int ballots = Integer.getInteger("polity.bench.ballots", 20_000);
    int warmup = Integer.getInteger("polity.bench.warmup", 2_000);
    boolean changes = Boolean.parseBoolean(System.getProperty("polity.bench.changes", "false"));

    Map<String, String> settings = new HashMap<>(postgres.get());
    settings.put("polity.mode", "development");
    settings.put(
        "polity.database.pool-size", String.valueOf(Integer.getInteger("polity.bench.pool", 24)));
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      BudgetId budget = BudgetId.of("bench-" + Long.toHexString(System.nanoTime()));
      server
          .bean(BallotBox.class)
          .open(
              VoteSettings.builder(budget)
                  .opens(Instant.now().minusSeconds(60))
                  .closes(Instant.now().plusSeconds(86_400))
                  .changesAllowed(changes)
                  .build());
      URI uri = server.uri().resolve("api/v1/budgets/" + budget + "/ballots");
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(Executors.newFixedThreadPool(4))
              .build();

      run(client, uri, clients, warmup, "warmup-");
      long[] latencies = new long[ballots];
      long started = System.nanoTime();
      int failures = run(client, uri, clients, ballots, "voter-", latencies);
      double seconds = (System.nanoTime() - started) / 1e9;
      Arrays.sort(latencies);
      long counted = server.bean(BallotBox.class).turnout(budget).total();
      System.out.printf(
          "VOTE-INTAKE clients=%d ballots=%d changesAllowed=%s: %.0f ballots/s, p50 %.1f ms,"
              + " p99 %.1f ms, max %.1f ms, failures %d, counted %d (warm-up %d)%n",
          clients,
          ballots,
          changes,
          ballots / seconds,
          latencies[ballots / 2] / 1e6,
          latencies[(int) (ballots * 0.99)] / 1e6,
          latencies[ballots - 1] / 1e6,
          failures,
          counted,
          warmup);
      assertThat(failures).isZero();
      assertThat(counted).isEqualTo(warmup + ballots);

      // The same load straight into the ballot box (no HTTP, JSON or CDI request scope): how much
      // of the cost is the database and the ORM.
      BallotBox box = server.bean(BallotBox.class);
      var keyer = server.bean(org.polity.identity.ParticipantKeyer.class);
      ExecutorService direct = Executors.newFixedThreadPool(clients);
      AtomicInteger next = new AtomicInteger();
      long[] directLatencies = new long[ballots];
      long directStart = System.nanoTime();
      CountDownLatch finished = new CountDownLatch(clients);
      for (int c = 0; c < clients; c++) {
        direct.execute(
            () -> {
              for (int i = next.getAndIncrement(); i < ballots; i = next.getAndIncrement()) {
                long start = System.nanoTime();
                box.cast(
                    new org.polity.voting.CastRequest(
                        budget,
                        keyer.key("direct-" + i),
                        org.polity.ballot.Ballot.Approval.of(
                            org.polity.common.ProjectId.of("p" + (i % 40))),
                        org.polity.voting.Channel.online()));
                directLatencies[i] = System.nanoTime() - start;
              }
              finished.countDown();
            });
      }
      finished.await();
      direct.shutdown();
      double directSeconds = (System.nanoTime() - directStart) / 1e9;
      Arrays.sort(directLatencies);
      System.out.printf(
          "BALLOT-BOX-DIRECT clients=%d ballots=%d: %.0f ballots/s, p50 %.1f ms, p99 %.1f ms%n",
          clients,
          ballots,
          ballots / directSeconds,
          directLatencies[ballots / 2] / 1e6,
          directLatencies[(int) (ballots * 0.99)] / 1e6);
    }
  }

  private static int run(HttpClient client, URI uri, int clients, int total, String prefix)
      throws InterruptedException {
    return run(client, uri, clients, total, prefix, new long[total]);
  }

  private static int run(
      HttpClient client, URI uri, int clients, int total, String prefix, long[] latencies)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            try {
              for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                String body =
                    "{\"kind\":\"approval\",\"projects\":[\"p"
                        + (i % 40)
                        + "\",\"p"
                        + ((i * 7) % 40)
                        + "x\"]}";
                HttpRequest request =
                    HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header(DevelopmentAuthenticationFilter.USER_HEADER, prefix + i)
                        .header(DevelopmentAuthenticationFilter.ROLES_HEADER, "participant")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                long start = System.nanoTime();
                try {
                  HttpResponse<String> response =
                      client.send(request, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 201) {
                    failures.incrementAndGet();
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
                latencies[i] = System.nanoTime() - start;
              }
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return failures.get();
  }
}
