package org.polity.jakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.jakarta.testing.TestDatabase;

/**
 * How fast the portal's pages are served with an edition of 60 projects and 100,000 ballots stored:
 * each page requested {@code polity.bench.requests} times after a warm-up, one at a time, from a
 * client on the loopback; prints the median and the 95th percentile, and the weight of the vote
 * page with its style sheet and script. On H2 (the embedded default of self-hosting) or, with
 * {@code -Dpolity.bench.database=postgres} and the POLITY_TEST_POSTGRES_* variables, PostgreSQL.
 * Runs only with {@code -Dpolity.bench=true}; prints {@code PORTAL-PAGES} lines; see
 * docs/benchmarks.md.
 */
class PortalPagesBenchmark {

  @TempDir Path data;

  @Test
  void pages() throws Exception {
    assumeTrue(Boolean.getBoolean("polity.bench"), "benchmark: run with -Dpolity.bench=true");
    int ballots = Integer.getInteger("polity.bench.ballots", 100_000);
    int requests = Integer.getInteger("polity.bench.requests", 200);
    boolean postgres = "postgres".equals(System.getProperty("polity.bench.database"));
    Map<String, String> settings = new HashMap<>();
    if (postgres) {
      Optional<Map<String, String>> database = TestDatabase.postgres();
      assumeTrue(database.isPresent(), "benchmark needs " + TestDatabase.URL_ENV);
      settings.putAll(database.get());
    } else {
      settings.putAll(TestDatabase.h2(data));
    }
    settings.put("polity.mode", "development");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      List<Long> costs =
          Arrays.stream(new Random(7).longs(60, 50_000, 1_500_000).toArray()).boxed().toList();
      BallotProcess process = BallotProcess.create(server.uri(), "pages", 10_000_000, costs, null);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> declared =
          client.send(
              HttpRequest.newBuilder(
                      server.uri().resolve("api/v1/budgets/" + process.budget() + "/vote"))
                  .header("Content-Type", "application/json")
                  .header("X-Polity-Dev-User", "ada")
                  .header("X-Polity-Dev-Roles", "administrator")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"opensAt\":\""
                              + Instant.now().minusSeconds(3600)
                              + "\",\"closesAt\":\""
                              + Instant.now().plusSeconds(86_400)
                              + "\",\"form\":{\"minProjects\":0,\"maxCost\":null}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
      List<ProjectId> ids = process.projects().stream().map(ProjectId::of).toList();
      LiveResultsBenchmark.load(
          server.bean(PolityDatabase.class),
          BudgetId.of(process.budget()),
          ids,
          ballots,
          new ArrayList<Ballot>());
      String edition = "/editions/" + process.process();
      String[][] pages = {
        {"home", "/"},
        {"edition", edition},
        {"edition-filtered", edition + "?district=Centre&q=project"},
        {"project", edition + "/projects/" + ids.get(0).value()},
        {"vote", edition + "/vote/" + process.budget()},
        {"results (vote open)", edition + "/results"},
        {"receipts", "/receipts"},
      };
      System.out.printf(
          "PORTAL-PAGES database=%s ballots=%d projects=%d requests=%d cores=%d%n",
          postgres ? "postgres" : "h2",
          ballots,
          ids.size(),
          requests,
          Runtime.getRuntime().availableProcessors());
      for (String[] page : pages) {
        measure(client, server.uri(), page[0], page[1], requests);
      }
      long html = fetch(client, server.uri(), edition + "/vote/" + process.budget()).length();
      long css = fetch(client, server.uri(), "/assets/portal.css").length();
      long js = fetch(client, server.uri(), "/assets/portal.js").length();
      System.out.printf(
          "PORTAL-PAGES vote page weight: html=%d css=%d js=%d total=%d bytes (uncompressed)%n",
          html, css, js, html + css + js);
    }
  }

  private static void measure(HttpClient client, URI base, String name, String path, int requests)
      throws Exception {
    for (int i = 0; i < 20; i++) {
      fetch(client, base, path);
    }
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long started = System.nanoTime();
      fetch(client, base, path);
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "PORTAL-PAGES %-20s median=%.2f ms p95=%.2f ms max=%.2f ms%n",
        name,
        nanos[requests / 2] / 1e6,
        nanos[(int) (requests * 0.95)] / 1e6,
        nanos[requests - 1] / 1e6);
  }

  private static String fetch(HttpClient client, URI base, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("X-Polity-Dev-User", "vera")
                .header("X-Polity-Dev-Roles", "participant")
                .header("Accept-Language", "fr")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
