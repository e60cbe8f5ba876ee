package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polity.geo.BoundingBox;
import org.polity.jakarta.problem.InvalidInputException;

/**
 * The query parameters of the items requests as OGC API – Features Part 1 defines them
 * (/req/core/fc-bbox-definition, /req/core/fc-limit-definition): what is served, what is refused
 * with 400.
 */
class OgcParametersTest {

  @Test
  void aBboxOfFourNumbersIsMinLonMinLatMaxLonMaxLat() {
    assertThat(OgcParameters.bbox("4.30,50.80,4.36,50.85"))
        .isEqualTo(BoundingBox.of(4.30, 50.80, 4.36, 50.85));
    assertThat(OgcParameters.bbox(" 4.30, 50.80 ,4.36,50.85 "))
        .isEqualTo(BoundingBox.of(4.30, 50.80, 4.36, 50.85));
    assertThat(OgcParameters.bbox(null)).isNull();
  }

  @Test
  void aBboxOfSixNumbersCarriesHeightsThatTheMapIgnores() {
    assertThat(OgcParameters.bbox("4.30,50.80,-10,4.36,50.85,300"))
        .isEqualTo(BoundingBox.of(4.30, 50.80, 4.36, 50.85));
    assertThat(OgcParameters.bbox("4.30,50.80,0,4.36,50.85,0"))
        .isEqualTo(BoundingBox.of(4.30, 50.80, 4.36, 50.85));
  }

  @Test
  void aMinLonLargerThanMaxLonCrossesTheAntimeridian() {
    BoundingBox zealand = OgcParameters.bbox("160.6,-55.95,-170,-25.89");
    assertThat(zealand).isEqualTo(BoundingBox.of(160.6, -55.95, -170, -25.89));
    assertThat(zealand.crossesAntimeridian()).isTrue();
    assertThat(zealand.envelopes()).hasSize(2);
    assertThat(OgcParameters.bbox("170,-25,0,-170,-10,100").crossesAntimeridian()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "4,50,5                    | has 3 numbers: give 4",
        "4,50,5,51,2               | has 5 numbers: give 4",
        "4,50,5,51,0,10,20         | has 7 numbers",
        "4,50,,51                  | '' is not a number",
        "4,north,5,51              | 'north' is not a number",
        "4,NaN,5,51                | 'NaN' is not a number",
        "4,50,Infinity,51          | 'Infinity' is not a number",
        "4,95,5,96                 | latitude out of [-90, 90]",
        "4,-91,5,51                | latitude out of [-90, 90]",
        "4,51,5,50                 | minLat above maxLat",
        "-181,50,5,51              | longitude out of [-180, 180]",
        "4,50,185,51               | longitude out of [-180, 180]",
        "4,50,100,5,51,0           | minHeight above maxHeight"
      })
  void aMalformedBboxIsRefusedNamingTheParameterAndTheFix(String bbox, String message) {
    assertThatThrownBy(() -> OgcParameters.bbox(bbox.strip()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors()).hasSize(1);
              assertThat(e.errors().get(0).field()).isEqualTo("bbox");
              assertThat(e.errors().get(0).message()).contains(message);
            });
  }

  @Test
  void limitIsOneOrMoreAndAHugeNumberIsClampedNotRefused() {
    assertThat(OgcParameters.limit(null, 10)).isEqualTo(10);
    assertThat(OgcParameters.limit("1", 10)).isEqualTo(1);
    assertThat(OgcParameters.limit("1000", 10)).isEqualTo(1000);
    assertThat(Math.min(OgcParameters.limit("99999999999", 10), OgcApiResource.MAX_LIMIT))
        .isEqualTo(1000);
    assertThatThrownBy(() -> OgcParameters.limit("0", 10))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> OgcParameters.limit("ten", 10))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a whole number");
  }

  @Test
  void theApiDefinitionSaysWhatTheServerDoes() {
    jakarta.json.JsonObject document;
    try (var reader =
        org.polity.jakarta.http.Jsonp.JSON.createReader(
            new java.io.StringReader(OgcOpenApi.document("http://localhost/ogc/")))) {
      document = reader.readObject();
    }
    var parameters =
        document
            .getJsonObject("paths")
            .getJsonObject("/collections/{collectionId}/items")
            .getJsonObject("get")
            .getJsonArray("parameters");
    jakarta.json.JsonObject bbox = parameter(parameters, "bbox");
    assertThat(bbox.getString("style")).isEqualTo("form");
    assertThat(bbox.getBoolean("explode")).isFalse();
    assertThat(bbox.getBoolean("required")).isFalse();
    assertThat(bbox.getJsonObject("schema").getString("type")).isEqualTo("array");
    assertThat(bbox.getJsonObject("schema").getInt("minItems")).isEqualTo(4);
    assertThat(bbox.getJsonObject("schema").getInt("maxItems")).isEqualTo(6);
    assertThat(bbox.getJsonObject("schema").getJsonObject("items").getString("type"))
        .isEqualTo("number");
    assertThat(bbox.getString("description")).contains("antimeridian").contains("minHeight");
    jakarta.json.JsonObject limit = parameter(parameters, "limit");
    assertThat(limit.getString("style")).isEqualTo("form");
    assertThat(limit.getBoolean("explode")).isFalse();
    assertThat(limit.getJsonObject("schema").getString("type")).isEqualTo("integer");
    assertThat(limit.getJsonObject("schema").getInt("minimum")).isEqualTo(1);
    assertThat(limit.getJsonObject("schema").getInt("maximum")).isEqualTo(OgcApiResource.MAX_LIMIT);
    assertThat(limit.getJsonObject("schema").getInt("default"))
        .isEqualTo(OgcApiResource.DEFAULT_LIMIT);
  }

  private static jakarta.json.JsonObject parameter(jakarta.json.JsonArray parameters, String name) {
    return parameters.stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }
}
