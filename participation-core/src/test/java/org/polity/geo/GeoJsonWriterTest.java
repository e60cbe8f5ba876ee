package org.polity.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.polity.testing.SharedData;

class GeoJsonWriterTest {

  private final GeoJsonWriter writer = new GeoJsonWriter();
  private final GeoJsonReader reader = new GeoJsonReader();
  private final ObjectMapper json = new ObjectMapper();

  private List<GeoJsonFeature> read(String text) throws Exception {
    return reader.readFeatures(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"geo/brussels_municipalities.geojson", "geo/participedia_cases_2017.geojson"})
  void sharedFilesRoundTripExactly(String name) throws Exception {
    Path file = SharedData.dir().resolve(name);
    List<GeoJsonFeature> original;
    try (var in = Files.newInputStream(file)) {
      original = reader.readFeatures(in, name);
    }
    String written = writer.write(original);
    List<GeoJsonFeature> back = read(written);

    assertThat(back).hasSize(original.size());
    for (int i = 0; i < original.size(); i++) {
      GeoJsonFeature a = original.get(i);
      GeoJsonFeature b = back.get(i);
      assertThat(b.id()).isEqualTo(a.id());
      assertThat(b.properties()).isEqualTo(a.properties());
      // same shape; rings may have been turned to follow the right-hand rule
      assertThat(b.geometry().equalsTopo(a.geometry())).as("feature %s", a.id()).isTrue();
      assertThat(b.geometry().getNumPoints()).isEqualTo(a.geometry().getNumPoints());
    }
    // a second round trip is byte-identical
    assertThat(writer.write(back)).isEqualTo(written);
    JsonNode root = json.readTree(written);
    assertThat(root.has("crs")).isFalse();
    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    assertRightHandRule(root);
  }

  private static void assertRightHandRule(JsonNode root) {
    for (JsonNode feature : root.get("features")) {
      JsonNode geometry = feature.get("geometry");
      List<JsonNode> polygons = new ArrayList<>();
      if (geometry.get("type").asText().equals("Polygon")) {
        polygons.add(geometry.get("coordinates"));
      } else if (geometry.get("type").asText().equals("MultiPolygon")) {
        geometry.get("coordinates").forEach(polygons::add);
      }
      for (JsonNode polygon : polygons) {
        for (int r = 0; r < polygon.size(); r++) {
          JsonNode ring = polygon.get(r);
          Coordinate[] coordinates = new Coordinate[ring.size()];
          for (int i = 0; i < ring.size(); i++) {
            coordinates[i] =
                new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
          }
          assertThat(Orientation.isCCW(coordinates))
              .as("ring %d of %s", r, feature.get("id"))
              .isEqualTo(r == 0);
        }
      }
    }
  }

  @Test
  void clockwiseExteriorsAndCounterClockwiseHolesAreTurnedOnWrite() throws Exception {
    Geometry polygon =
        new WKTReader().read("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
    assertThat(Orientation.isCCW(polygon.getCoordinates())).isFalse();
    String text = writer.geometry(polygon);
    assertThat(text)
        .isEqualTo(
            "{\"type\":\"Polygon\",\"coordinates\":[[[0.0,0.0],[10.0,0.0],[10.0,10.0],"
                + "[0.0,10.0],[0.0,0.0]],[[2.0,2.0],[2.0,4.0],[4.0,4.0],[4.0,2.0],[2.0,2.0]]]}");
    assertThat(polygon.getCoordinates()[1]).as("input untouched").isEqualTo(new Coordinate(0, 10));
  }

  @Test
  void everyGeometryTypeIsWrittenLongitudeFirst() throws Exception {
    WKTReader wkt = new WKTReader();
    List<GeoJsonFeature> features = new ArrayList<>();
    for (String text :
        List.of(
            "POINT (4.35 50.85)",
            "MULTIPOINT ((1 2), (3 4))",
            "LINESTRING (1 2, 3 4)",
            "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
            "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 2, 3 4))")) {
      features.add(new GeoJsonFeature("f" + features.size(), Map.of("wkt", text), wkt.read(text)));
    }
    Map<String, Object> nullable = new LinkedHashMap<>();
    nullable.put("empty", null);
    features.add(new GeoJsonFeature(null, nullable, null));
    String written = writer.write(features);
    assertThat(written).contains("{\"type\":\"Point\",\"coordinates\":[4.35,50.85]}");
    List<GeoJsonFeature> back = read(written);
    for (int i = 0; i < features.size() - 1; i++) {
      assertThat(back.get(i).geometry().equalsTopo(features.get(i).geometry())).isTrue();
    }
    assertThat(back.get(6).geometry()).isNull();
    assertThat(back.get(6).id()).isNull();
  }

  @Test
  void foreignMembersFollowTheFeaturesAndReservedOnesAreRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, List.of(), Map.of("numberMatched", 0));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[],\"numberMatched\":0}");
    assertThatThrownBy(
            () -> writer.write(new ByteArrayOutputStream(), List.of(), Map.of("crs", "EPSG:3857")))
        .hasMessageContaining("'crs' is reserved");
  }

  @Test
  void invalidGeometriesAreRefusedWithTheFeatureAndNothingIsWritten() throws Exception {
    Geometry bowtie = new WKTReader().read("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
    Geometry swapped = new WKTReader().read("POINT (50.85 184.35)");
    GeoJsonFeature good = new GeoJsonFeature("ok", Map.of(), new WKTReader().read("POINT (1 2)"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                writer.write(
                    out, List.of(good, new GeoJsonFeature("bow", Map.of(), bowtie)), Map.of()))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessageStartingWith("output, feature #1 (id bow): invalid geometry: Self-intersection");
    assertThat(out.size()).isZero();
    assertThatThrownBy(() -> writer.write(List.of(new GeoJsonFeature("far", Map.of(), swapped))))
        .hasMessageContaining("(id far): position [50.85, 184.35] is out of range");
  }

  @Test
  void theReaderRefusesUnclosedRingsAndSelfIntersectionsWithTheFeature() {
    String unclosed =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\","
            + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}}]}";
    assertThatThrownBy(() -> read(unclosed))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessage(
            "test, feature #0 (id a): the exterior ring is not closed: its last position must repeat its first.");
    String crossing = unclosed.replace("[0,1]]", "[0,1],[1,0.5],[0,0]]");
    assertThatThrownBy(() -> read(crossing)).hasMessageContaining("(id a): invalid geometry");
  }
}
