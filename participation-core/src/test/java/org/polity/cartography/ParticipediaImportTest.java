package org.polity.cartography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.polity.geo.GeoJsonFeature;
import org.polity.geo.GeoJsonReader;
import org.polity.geo.GeoJsonWriter;
import org.polity.testing.MutableClock;
import org.polity.testing.SharedData;

/** The Participedia 2017 cases (test data only, CC BY-NC-SA) imported into the registry. */
class ParticipediaImportTest {

  private static final Path FILE = SharedData.dir().resolve("geo/participedia_cases_2017.geojson");

  @Test
  void everyCaseIsImportedPublishedAndServedAsTheSamePoints() throws Exception {
    List<GeoJsonFeature> source;
    try (var in = java.nio.file.Files.newInputStream(FILE)) {
      source = new GeoJsonReader().readFeatures(in, "participedia");
    }
    InitiativeRegistry registry =
        new InitiativeRegistry(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    ParticipediaImporter importer = new ParticipediaImporter();
    List<Initiative> imported = importer.importInto(registry, FILE);

    assertThat(imported).hasSize(source.size());
    assertThat(registry.publishedCount()).isEqualTo(source.size());
    for (int i = 0; i < source.size(); i++) {
      Point expected = (Point) source.get(i).geometry();
      Point actual = imported.get(i).details().place().point();
      assertThat(actual.equalsExact(expected)).as("case %s", source.get(i).id()).isTrue();
      assertThat(imported.get(i).details().contact().links().get(0).toString())
          .isEqualTo(source.get(i).properties().get("url"));
    }
    // coded fields: the kind follows specific_topics/decision_methods, the scale scope_of_influence
    long budgets =
        source.stream()
            .filter(f -> ((List<?>) f.properties().get("specific_topics")).contains("budget_local"))
            .count();
    assertThat(
            imported.stream()
                .filter(i -> i.details().kind() == InitiativeKind.PARTICIPATORY_BUDGET))
        .hasSize((int) budgets);
    long online =
        source.stream()
            .filter(f -> "online".equals(f.properties().get("facetoface_online_or_both")))
            .count();
    assertThat(imported.stream().filter(i -> i.details().mode() == ParticipationMode.ONLINE))
        .hasSize((int) online);
    assertThat(importer.notes()).allMatch(n -> n.startsWith("case "));

    // the whole layer written as GeoJSON and read back gives the same ids and points
    InitiativeLayer layer = new InitiativeLayer(registry);
    List<GeoJsonFeature> features = layer.features(LayerQuery.page(0, 10_000)).features();
    String text = new GeoJsonWriter().write(features);
    assertThat(text).doesNotContain("\"crs\"");
    List<GeoJsonFeature> back =
        new GeoJsonReader()
            .readFeatures(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "round-trip");
    assertThat(back).hasSize(source.size());
    Map<String, GeoJsonFeature> byId =
        back.stream().collect(Collectors.toMap(GeoJsonFeature::id, f -> f));
    for (Initiative initiative : imported) {
      GeoJsonFeature feature = byId.get(initiative.id().value());
      assertThat(feature.geometry().equalsExact(initiative.details().place().point())).isTrue();
      assertThat(feature.properties())
          .containsEntry("kind", initiative.details().kind().code())
          .containsEntry("themes", List.copyOf(initiative.details().themes()));
    }

    // a bbox over Europe finds exactly the cases whose points are in it
    long inEurope =
        source.stream()
            .map(f -> (Point) f.geometry())
            .filter(p -> p.getX() >= -10 && p.getX() <= 30 && p.getY() >= 35 && p.getY() <= 60)
            .count();
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(-10, 35, 30, 60).build()))
        .hasSize((int) inEurope);
    assertThat(inEurope).isPositive();
  }
}
