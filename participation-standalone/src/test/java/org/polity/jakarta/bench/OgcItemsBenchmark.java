package org.polity.jakarta.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.Place;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;
import org.polity.jakarta.cartography.MapLayers;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;

/**
 * OGC API items through HTTP on loopback: 100,000 published initiatives over Belgium's extent,
 * stored in the database (H2, or PostgreSQL with {@code -Dpolity.bench.db=postgres}) and loaded by
 * a restarted server (prints the store and restart times), then one client asking {@code
 * /ogc/collections/initiatives/items?bbox=...&limit=100} for boxes holding about 100 of them.
 * Prints p50/p99 latency and pages per second. Runs only with {@code -Dpolity.bench=true}; see
 * docs/benchmarks.md for the command.
 */
class OgcItemsBenchmark {

  @TempDir Path data;

  @Test
  void itemsPagesThroughHttp() throws Exception {
    assumeTrue(Boolean.getBoolean("polity.bench"), "benchmark: run with -Dpolity.bench=true");
    boolean postgres = "postgres".equals(System.getProperty("polity.bench.db"));
    Map<String, String> settings =
        new HashMap<>(
            postgres
                ? TestDatabase.postgres()
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "-Dpolity.bench.db=postgres: start PostgreSQL first (. .ci/postgres.sh && start_test_postgres)"))
                : TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    Random random = new Random(2026);
    InitiativeRegistry generated = new InitiativeRegistry(java.time.Clock.systemUTC());
    java.util.List<Initiative> all = new java.util.ArrayList<>();
    try (PolityServer first =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      for (int i = 0; i < 100_000; i++) {
        Initiative proposed =
            generated.propose(
                "org",
                InitiativeDetails.builder()
                    .title(LocalizedText.of("fr", "Initiative " + i))
                    .kind(InitiativeKind.values()[random.nextInt(InitiativeKind.values().length)])
                    .organiser("Organisateur", OrganiserType.ASSOCIATION)
                    .theme("mobility")
                    .scale(Scale.MUNICIPALITY)
                    .place(
                        Place.point(
                            2.55 + random.nextDouble() * 3.85, 49.5 + random.nextDouble() * 2.0))
                    .build());
        all.add(generated.publish(proposed.id(), "staff").orElseThrow());
      }
      long stored = System.nanoTime();
      first.bean(org.polity.jakarta.cartography.Initiatives.class).importAll(all);
      System.out.printf(
          "Stored 100,000 initiatives in %s in %.1f s (one transaction)%n",
          postgres ? "PostgreSQL" : "H2", (System.nanoTime() - stored) / 1e9);
    }
    long restart = System.nanoTime();
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      int published = server.bean(MapLayers.class).registry().publishedCount();
      System.out.printf(
          "Restart: server up with %d published initiatives loaded from the database in %.1f s%n",
          published, (System.nanoTime() - restart) / 1e9);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      int requests = 5_000;
      long[] nanos = new long[requests];
      long features = 0;
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
          double x = 2.55 + random.nextDouble() * (3.85 - 0.1);
          double y = 49.5 + random.nextDouble() * (2.0 - 0.077);
          URI uri =
              server
                  .uri()
                  .resolve(
                      String.format(
                          Locale.ROOT,
                          "ogc/collections/initiatives/items?limit=100&bbox=%.5f,%.5f,%.5f,%.5f",
                          x,
                          y,
                          x + 0.1,
                          y + 0.077));
          long t = System.nanoTime();
          HttpResponse<String> reply =
              client.send(
                  HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
          nanos[i] = System.nanoTime() - t;
          if (reply.statusCode() != 200) {
            throw new IllegalStateException(reply.statusCode() + " " + reply.body());
          }
          if (round == 1) {
            features += reply.body().split("\"type\":\"Feature\"", -1).length - 1;
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (round == 1) {
          Arrays.sort(nanos);
          System.out.printf(
              "OGC items through HTTP (bbox, limit 100, ~%d features/page): p50 %.2f ms,"
                  + " p99 %.2f ms, %.0f pages/s (one client)%n",
              features / requests,
              nanos[requests / 2] / 1e6,
              nanos[requests * 99 / 100] / 1e6,
              requests / seconds);
        }
      }
    }
  }
}
