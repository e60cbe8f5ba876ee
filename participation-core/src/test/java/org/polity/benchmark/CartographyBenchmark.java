package org.polity.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Envelope;
import org.polity.cartography.FeaturePage;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.InitiativeLayer;
import org.polity.cartography.InitiativeQuery;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.LayerQuery;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonReader;
import org.polity.geo.GeoJsonWriter;
import org.polity.geo.GeoPoint;

/**
 * Prints the cartography figures: 100,000 generated published initiatives spread over a region
 * (Belgium's extent, lon 2.55–6.40, lat 49.50–51.50), bbox queries sized to hold about 100 of them
 * (p50, p99), point-in-district lookups on the 19 Brussels municipalities (per second), and GeoJSON
 * items pages of 100 features (pages and MB per second). Run by hand (see docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -q -pl participation-core -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "participation-core/target/classes:participation-core/target/test-classes:$(cat /tmp/cp.txt)" \
 *     org.polity.benchmark.CartographyBenchmark ../shared/geo/brussels_municipalities.geojson
 * </pre>
 */
public final class CartographyBenchmark {

  private static final int INITIATIVES = 100_000;
  private static final double WEST = 2.55;
  private static final double EAST = 6.40;
  private static final double SOUTH = 49.50;
  private static final double NORTH = 51.50;

  /** A box holding about 100 initiatives on average: 0.1% of the region. */
  private static final double BOX_WIDTH = 0.1;

  private static final double BOX_HEIGHT = 0.077;

  private CartographyBenchmark() {}

  /**
   * @param args the path of brussels_municipalities.geojson
   * @throws Exception if the file cannot be read
   */
  public static void main(String[] args) throws Exception {
    AreaCollection municipalities = new GeoJsonReader().readAreas(Path.of(args[0]), "nis");
    Random random = new Random(2026);
    InitiativeRegistry registry = new InitiativeRegistry(Clock.systemUTC());
    long loadStart = System.nanoTime();
    for (int i = 0; i < INITIATIVES; i++) {
      Initiative proposed = registry.propose("org-" + (i % 500), generated(random, i));
      registry.publish(proposed.id(), "staff").orElseThrow();
    }
    System.out.printf(
        "load: %,d initiatives proposed and published in %.0f ms%n",
        INITIATIVES, (System.nanoTime() - loadStart) / 1e6);

    // bbox queries (first page of 100, in id order, with numberMatched), warm-up then measured
    for (int i = 0; i < 5_000; i++) {
      registry.find(InitiativeQuery.builder().bbox(box(random)).build(), 0, 100);
    }
    int queries = 20_000;
    long[] nanos = new long[queries];
    long matched = 0;
    for (int i = 0; i < queries; i++) {
      InitiativeQuery query = InitiativeQuery.builder().bbox(box(random)).build();
      long t = System.nanoTime();
      matched += registry.find(query, 0, 100).numberMatched();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "bbox query (page of 100, ~%d matched on average): p50 %.3f ms, p99 %.3f ms%n",
        matched / queries, nanos[queries / 2] / 1e6, nanos[queries * 99 / 100] / 1e6);

    // bbox with filters
    long[] filtered = new long[queries];
    for (int i = 0; i < queries; i++) {
      InitiativeQuery query =
          InitiativeQuery.builder()
              .bbox(box(random))
              .kind(InitiativeKind.PARTICIPATORY_BUDGET)
              .theme("mobility")
              .activeBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
              .build();
      long t = System.nanoTime();
      registry.find(query, 0, 100);
      filtered[i] = System.nanoTime() - t;
    }
    Arrays.sort(filtered);
    System.out.printf(
        "bbox + kind + theme + dates: p50 %.3f ms, p99 %.3f ms%n",
        filtered[queries / 2] / 1e6, filtered[queries * 99 / 100] / 1e6);

    // point-in-district lookups
    Envelope brussels = new Envelope();
    municipalities
        .areas()
        .forEach(a -> brussels.expandToInclude(a.geometry().getEnvelopeInternal()));
    int lookups = 1_000_000;
    GeoPoint[] points = new GeoPoint[lookups];
    for (int i = 0; i < lookups; i++) {
      points[i] =
          GeoPoint.of(
              brussels.getMinX() + random.nextDouble() * brussels.getWidth(),
              brussels.getMinY() + random.nextDouble() * brussels.getHeight());
    }
    int inside = 0;
    for (int i = 0; i < 200_000; i++) {
      inside += municipalities.firstContaining(points[i]).isPresent() ? 1 : 0;
    }
    inside = 0;
    long t0 = System.nanoTime();
    for (GeoPoint point : points) {
      inside += municipalities.firstContaining(point).isPresent() ? 1 : 0;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "point-in-district (19 Brussels municipalities): %,.0f lookups/s (%d%% of points inside)%n",
        lookups / seconds, inside * 100L / lookups);

    // within one municipality: the registry's polygon query
    long[] within = new long[2_000];
    for (int i = 0; i < within.length; i++) {
      InitiativeQuery query =
          InitiativeQuery.builder().within(municipalities.areas().get(i % 19).geometry()).build();
      long t = System.nanoTime();
      registry.find(query, 0, 100);
      within[i] = System.nanoTime() - t;
    }
    Arrays.sort(within);
    System.out.printf(
        "within a municipality polygon: p50 %.3f ms, p99 %.3f ms%n",
        within[within.length / 2] / 1e6, within[within.length * 99 / 100] / 1e6);

    // GeoJSON items pages of 100
    InitiativeLayer layer = new InitiativeLayer(registry);
    GeoJsonWriter writer = new GeoJsonWriter();
    int pages = 20_000;
    long bytes = 0;
    for (int i = 0; i < 2_000; i++) {
      writePage(layer, writer, i);
    }
    long p0 = System.nanoTime();
    for (int i = 0; i < pages; i++) {
      bytes += writePage(layer, writer, i);
    }
    double pageSeconds = (System.nanoTime() - p0) / 1e9;
    System.out.printf(
        "GeoJSON items pages of 100, whole layer by offset (query + write): %,.0f pages/s,"
            + " %.1f MB/s (%.1f kB/page)%n",
        pages / pageSeconds, bytes / pageSeconds / 1e6, bytes / (double) pages / 1e3);
    bytes = 0;
    int returned = 0;
    p0 = System.nanoTime();
    for (int i = 0; i < pages; i++) {
      FeaturePage page = layer.features(new LayerQuery(box(random), null, null, 0, 100));
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      writer.write(out, page.features(), Map.of("numberMatched", page.numberMatched()));
      bytes += out.size();
      returned += page.features().size();
    }
    pageSeconds = (System.nanoTime() - p0) / 1e9;
    System.out.printf(
        "GeoJSON items pages for a bbox (~%d features, query + write): %,.0f pages/s, %.1f MB/s%n",
        returned / pages, pages / pageSeconds, bytes / pageSeconds / 1e6);
  }

  private static long writePage(InitiativeLayer layer, GeoJsonWriter writer, int i)
      throws Exception {
    FeaturePage page = layer.features(LayerQuery.page((i * 100) % (INITIATIVES - 100), 100));
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    writer.write(
        out,
        page.features(),
        Map.of("numberMatched", page.numberMatched(), "numberReturned", page.features().size()));
    return out.size();
  }

  private static Envelope box(Random random) {
    double x = WEST + random.nextDouble() * (EAST - WEST - BOX_WIDTH);
    double y = SOUTH + random.nextDouble() * (NORTH - SOUTH - BOX_HEIGHT);
    return new Envelope(x, x + BOX_WIDTH, y, y + BOX_HEIGHT);
  }

  private static InitiativeDetails generated(Random random, int i) {
    LocalDate start = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3000));
    return InitiativeDetails.builder()
        .title(LocalizedText.of("fr", "Initiative " + i).with("nl", "Initiatief " + i))
        .kind(InitiativeKind.values()[random.nextInt(InitiativeKind.values().length)])
        .organiser("Organisateur " + random.nextInt(500), OrganiserType.values()[random.nextInt(4)])
        .theme(List.of("mobility", "housing", "culture", "climate", "youth").get(random.nextInt(5)))
        .scale(Scale.values()[random.nextInt(3)])
        .period(
            random.nextBoolean()
                ? Period.between(start, start.plusDays(random.nextInt(400)))
                : Period.ongoingSince(start))
        .place(
            Place.point(
                WEST + random.nextDouble() * (EAST - WEST),
                SOUTH + random.nextDouble() * (NORTH - SOUTH)))
        .build();
  }
}
