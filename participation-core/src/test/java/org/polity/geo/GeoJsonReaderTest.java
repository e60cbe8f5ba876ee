package org.polity.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polity.testing.SharedData;

class GeoJsonReaderTest {

  /** Auderghem's town hall area. */
  static final GeoPoint IN_AUDERGHEM = GeoPoint.of(4.4327, 50.8157);

  /** Etterbeek, near its town hall. */
  static final GeoPoint IN_ETTERBEEK = GeoPoint.of(4.3889, 50.8363);

  /** A vertex shared by the Auderghem and Etterbeek polygons in the file. */
  static final GeoPoint ON_AUDERGHEM_ETTERBEEK_BORDER = GeoPoint.of(4.398422, 50.827729);

  private static AreaCollection read(String json) throws Exception {
    return new GeoJsonReader()
        .readAreas(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            "test.geojson",
            "code");
  }

  private static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  private static String feature(String code, String geometry) {
    return "{\"type\":\"Feature\",\"properties\":{\"code\":\""
        + code
        + "\"},\"geometry\":"
        + geometry
        + "}";
  }

  private static final String SQUARE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[4.0,50.0],[4.1,50.0],[4.1,50.1],[4.0,50.1],[4.0,50.0]]]}";

  @Test
  void readsTheNineteenBrusselsMunicipalitiesByNisCode() {
    AreaCollection municipalities = SharedData.brusselsMunicipalities();

    assertThat(municipalities.areas()).hasSize(19);
    assertThat(municipalities.areas())
        .extracting(Area::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("210\\d\\d"));
    Area auderghem = municipalities.require("21002");
    assertThat(auderghem.text("name_fr")).contains("Auderghem");
    assertThat(auderghem.text("name_nl")).contains("Oudergem");
    assertThat(auderghem.properties().get("population")).isEqualTo(34404);
    assertThat(municipalities.require("21009").geometry().getGeometryType())
        .isEqualTo("MultiPolygon");
  }

  @ParameterizedTest(name = "({0}, {1}) lies in {2}")
  @CsvSource({
    "4.4327, 50.8157, 21002", // Auderghem
    "4.4187, 50.8120, 21002", // Auderghem
    "4.3889, 50.8363, 21005", // Etterbeek
    "4.3517, 50.8466, 21004", // Brussels, Grand-Place
  })
  void locatesPointsInTheRealFile(double lon, double lat, String nis) {
    List<Area> containing = SharedData.brusselsMunicipalities().containing(GeoPoint.of(lon, lat));
    assertThat(containing).extracting(Area::id).containsExactly(nis);
  }

  @Test
  void aPointOutsideTheRegionIsInNoArea() {
    assertThat(SharedData.brusselsMunicipalities().containing(GeoPoint.of(4.70, 50.88)))
        .isEmpty(); // Leuven
    assertThat(SharedData.brusselsMunicipalities().firstContaining(GeoPoint.of(4.70, 50.88)))
        .isEmpty();
  }

  @Test
  void aPointExactlyOnASharedBorderIsInBothAreas() {
    AreaCollection municipalities = SharedData.brusselsMunicipalities();
    assertThat(municipalities.containing(ON_AUDERGHEM_ETTERBEEK_BORDER))
        .extracting(Area::id)
        .contains("21002", "21005");
    assertThat(municipalities.covers("21002", ON_AUDERGHEM_ETTERBEEK_BORDER)).isTrue();
    assertThat(municipalities.covers("21005", ON_AUDERGHEM_ETTERBEEK_BORDER)).isTrue();
    // The single-area answer for statistics is the first in file order: Etterbeek (21005) comes
    // before Auderghem (21002) in the file.
    assertThat(municipalities.firstContaining(ON_AUDERGHEM_ETTERBEEK_BORDER).orElseThrow().id())
        .isEqualTo("21005");
  }

  @Test
  void readsFeatureIdsAndEveryGeometryType() throws Exception {
    String json =
        collection(
            "{\"type\":\"Feature\",\"id\":7,\"properties\":null,\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.35,50.85]}}",
            "{\"type\":\"Feature\",\"properties\":{\"a\":[1,2]},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[4,50],[4.1,50.1]]}}",
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}",
            "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"MultiPoint\",\"coordinates\":[[4,50]]},"
                + "{\"type\":\"MultiLineString\",\"coordinates\":[[[4,50],[4.1,50]]]}]}}");
    List<GeoJsonFeature> features =
        new GeoJsonReader()
            .readFeatures(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t");
    assertThat(features).hasSize(4);
    assertThat(features.get(0).id()).isEqualTo("7");
    assertThat(features.get(0).geometry().getGeometryType()).isEqualTo("Point");
    assertThat(features.get(0).geometry().getCoordinate().x).isEqualTo(4.35); // x is longitude
    assertThat(features.get(1).properties().get("a")).isEqualTo(List.of(1, 2));
    assertThat(features.get(2).geometry()).isNull();
    assertThat(features.get(3).geometry().getNumGeometries()).isEqualTo(2);
  }

  @Test
  void aSelfIntersectingPolygonIsRefusedWithTheFeatureAndTheReason() {
    String bowtie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[4.0,50.0],[4.1,50.1],[4.1,50.0],[4.0,50.1],[4.0,50.0]]]}";
    assertThatThrownBy(() -> read(collection(feature("A", SQUARE), feature("B", bowtie))))
        .isInstanceOfSatisfying(
            InvalidGeoJsonException.class,
            e -> {
              assertThat(e.featureIndex()).isEqualTo(1);
              assertThat(e.source()).isEqualTo("test.geojson");
              assertThat(e.reason()).contains("Self-intersection");
              assertThat(e.getMessage()).contains("feature #1");
            });
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"Polygon\",\"coordinates\":[[[4.0,50.0],[4.1,50.0],[4.1,50.1],[4.0,50.1]]]}|not closed",
        "{\"type\":\"Polygon\",\"coordinates\":[[[4.0,50.0],[4.1,50.0],[4.0,50.0]]]}|at least 4",
        "{\"type\":\"Polygon\",\"coordinates\":[[[50.0,4.0],[50.1,200.0],[50.1,4.1],[50.0,4.0]]]}|out of range",
        "{\"type\":\"Point\",\"coordinates\":[4.0,50.0]}|Polygon or MultiPolygon",
        "{\"type\":\"Circle\",\"coordinates\":[4.0,50.0]}|unknown geometry type",
        "{\"type\":\"Polygon\",\"coordinates\":[[[\"4\",50.0],[4.1,50.0],[4.1,50.1],[4.0,50.0]]]}|[longitude, latitude] numbers",
      })
  void malformedGeometriesAreRefusedWithAReason(String geometry, String reason) {
    assertThatThrownBy(() -> read(collection(feature("A", geometry))))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessageContaining("feature #0")
        .hasMessageContaining("(id A)")
        .hasMessageContaining(reason);
  }

  @Test
  void areasNeedDistinctIds() {
    assertThatThrownBy(() -> read(collection(feature("A", SQUARE), feature("A", SQUARE))))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessageContaining("already used by feature #0");
    assertThatThrownBy(
            () ->
                read(
                    collection(
                        "{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}")))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessageContaining("no id member and no 'code' property");
  }

  @Test
  void notAFeatureCollectionIsRefused() {
    assertThatThrownBy(() -> read("{\"type\":\"Feature\"}"))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessageContaining("not a FeatureCollection");
    assertThatThrownBy(() -> read("{oops"))
        .isInstanceOf(InvalidGeoJsonException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void pointsRefuseSwappedCoordinates() {
    assertThatCode(() -> GeoPoint.of(50.8, 4.4)).doesNotThrowAnyException();
    assertThatThrownBy(() -> GeoPoint.of(4.4, 150.8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("swapped");
  }
}
