package org.polity.cartography;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.polity.common.LocalizedText;
import org.polity.geo.Area;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoPoint;
import org.polity.testing.MutableClock;
import org.polity.testing.SharedData;

/**
 * Randomized (fixed seeds): the indexed queries give exactly what a brute-force scan gives, also
 * after edits moved initiatives around, on the Brussels municipalities.
 */
class SpatialQueryTest {

  private static final AreaCollection BRUSSELS = SharedData.brusselsMunicipalities();

  static InitiativeDetails random(Random random, int n) {
    double lon = 4.24 + random.nextDouble() * 0.24;
    double lat = 50.76 + random.nextDouble() * 0.15;
    Place place;
    int shape = random.nextInt(5);
    if (shape == 0) {
      Area area = BRUSSELS.areas().get(random.nextInt(BRUSSELS.areas().size()));
      place = Place.area(area.geometry());
    } else if (shape == 1) {
      double d = 0.002 + random.nextDouble() * 0.01;
      Geometry square =
          new org.locationtech.jts.geom.GeometryFactory()
              .toGeometry(new Envelope(lon - d, lon + d, lat - d, lat + d));
      place = Place.both(lon, lat, square);
    } else {
      place = Place.point(lon, lat);
    }
    LocalDate start = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
    Period period =
        switch (random.nextInt(3)) {
          case 0 -> Period.between(start, start.plusDays(random.nextInt(400)));
          case 1 -> Period.ongoingSince(start);
          default -> Period.unknown();
        };
    InitiativeDetails.Builder builder =
        InitiativeDetails.builder()
            .title(LocalizedText.of("en", "Initiative " + n))
            .kind(InitiativeKind.values()[random.nextInt(InitiativeKind.values().length)])
            .organiser("Organiser " + random.nextInt(50), OrganiserType.values()[random.nextInt(4)])
            .scale(Scale.values()[random.nextInt(3)])
            .period(period)
            .place(place);
    for (String theme : List.of("mobility", "housing", "culture", "climate")) {
      if (random.nextInt(3) == 0) {
        builder.theme(theme);
      }
    }
    return builder.build();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void indexedQueriesMatchABruteForceScan(long seed) {
    Random random = new Random(seed);
    InitiativeRegistry registry =
        new InitiativeRegistry(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    List<Initiative> proposed = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      proposed.add(registry.propose("org", random(random, i)));
    }
    for (Initiative initiative : proposed) {
      if (random.nextInt(10) < 8) {
        registry.publish(initiative.id(), "staff").orElseThrow();
      }
    }
    // moderators move some published initiatives: the index must follow
    for (int i = 0; i < 60; i++) {
      Initiative initiative = proposed.get(random.nextInt(proposed.size()));
      Initiative current = registry.get(initiative.id()).orElseThrow();
      registry.edit(
          current.id(),
          Actor.moderator("staff"),
          random(random, 10_000 + i).toBuilder().title(current.details().title()).build(),
          "moved");
    }
    List<Initiative> published = registry.findAll(InitiativeQuery.all());
    assertThat(published)
        .hasSize(registry.publishedCount())
        .isSortedAccordingTo(Comparator.comparing(Initiative::id));

    for (int q = 0; q < 40; q++) {
      double lon = 4.2 + random.nextDouble() * 0.3;
      double lat = 50.74 + random.nextDouble() * 0.2;
      double w = random.nextDouble() * 0.1;
      double h = random.nextDouble() * 0.1;
      InitiativeQuery.Builder builder = InitiativeQuery.builder().bbox(lon, lat, lon + w, lat + h);
      if (random.nextBoolean()) {
        builder.kind(InitiativeKind.values()[random.nextInt(InitiativeKind.values().length)]);
      }
      if (random.nextBoolean()) {
        builder.theme("mobility").scale(Scale.values()[random.nextInt(3)]);
      }
      if (random.nextBoolean()) {
        LocalDate from = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3000));
        builder.activeBetween(from, from.plusDays(random.nextInt(200)));
      }
      if (random.nextInt(3) == 0) {
        builder.within(BRUSSELS.areas().get(random.nextInt(19)).geometry());
      }
      InitiativeQuery query = builder.build();
      List<Initiative> expected = published.stream().filter(i -> bruteForce(query, i)).toList();
      assertThat(registry.findAll(query))
          .as("query %d of seed %d: %s", q, seed, query)
          .isEqualTo(expected);
      InitiativePage page = registry.find(query, 3, 5);
      assertThat(page.numberMatched()).isEqualTo(expected.size());
      assertThat(page.items())
          .isEqualTo(expected.subList(Math.min(3, expected.size()), Math.min(8, expected.size())));

      GeoPoint point = GeoPoint.of(lon, lat);
      int count = 1 + random.nextInt(10);
      List<Nearby> nearest = registry.nearest(point, count, InitiativeQuery.all());
      List<Double> expectedDistances =
          published.stream().map(i -> distance(i, point)).sorted().limit(count).toList();
      assertThat(nearest)
          .extracting(Nearby::metres)
          .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-6 ? 0 : Double.compare(a, b))
          .isEqualTo(expectedDistances);
    }
  }

  private static boolean bruteForce(InitiativeQuery query, Initiative initiative) {
    InitiativeDetails d = initiative.details();
    Geometry locator = d.place().geometry();
    boolean inBox =
        query.box().envelopes().stream()
            .anyMatch(part -> locator.getFactory().toGeometry(part).intersects(locator));
    return inBox
        && (query.within() == null || query.within().intersects(locator))
        && (query.kinds().isEmpty() || query.kinds().contains(d.kind()))
        && (query.scales().isEmpty() || query.scales().contains(d.scale()))
        && (query.themes().isEmpty() || d.themes().stream().anyMatch(query.themes()::contains))
        && (query.from() == null || d.period().overlaps(query.from(), query.to()));
  }

  private static double distance(Initiative initiative, GeoPoint point) {
    Geometry geometry = initiative.details().place().geometry();
    Coordinate[] nearest = DistanceOp.nearestPoints(geometry, point.toJts(geometry.getFactory()));
    return InitiativeRegistry.haversine(nearest[0], nearest[1]);
  }
}
