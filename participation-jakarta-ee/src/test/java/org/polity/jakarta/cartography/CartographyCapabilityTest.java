package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.Capabilities;
import org.polity.jakarta.config.ConfigurationException;

/** The map's settings, declared by its descriptor and checked when the application starts. */
class CartographyCapabilityTest {

  private static Config config(Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  @Test
  void theMapTilesDefaultToOpenStreetMapAndABadTemplateIsRefused() {
    assertThat(CartographyCapability.tilesUrl(config(Map.of())))
        .isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    Map<String, String> own = new HashMap<>();
    own.put("polity.map.tiles-url", " https://tiles.example.be/{z}/{x}/{y}.png ");
    assertThat(CartographyCapability.tilesUrl(config(own)))
        .isEqualTo("https://tiles.example.be/{z}/{x}/{y}.png");
    Capabilities capabilities = Capabilities.of(List.of(new CartographyCapability()));
    for (String bad :
        List.of(
            "tiles.example.be/{z}/{x}/{y}.png",
            "https://tiles.example.be/{z}/{x}.png",
            "javascript:alert(1)//{z}{x}{y}")) {
      Map<String, String> values = new HashMap<>();
      values.put("polity.map.tiles-url", bad);
      assertThatThrownBy(() -> capabilities.checkSettings(config(values)))
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e ->
                  assertThat(e.problems())
                      .anyMatch(
                          p ->
                              p.startsWith(
                                  "polity.map.tiles-url: '"
                                      + bad
                                      + "' is not a tile URL template")));
    }
  }

  @Test
  void theDistrictsFileIsReadWholeAndABadOneNamesTheFileTheFeatureAndTheFix(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    assertThat(DistrictsFile.read(config(Map.of()))).isEmpty();
    String brussels =
        java.nio.file.Path.of(
                System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson")
            .toString();
    Map<String, String> good = new HashMap<>();
    good.put(CartographyCapability.DISTRICTS_FILE, brussels);
    good.put(CartographyCapability.DISTRICTS_ID_PROPERTY, "nis");
    var layer = DistrictsFile.read(config(good)).orElseThrow();
    assertThat(layer.id()).isEqualTo("districts");
    assertThat(layer.feature("21004")).isPresent();

    // the same file without the id property: no feature has an id member
    Map<String, String> noIds = new HashMap<>();
    noIds.put(CartographyCapability.DISTRICTS_FILE, brussels);
    assertThatThrownBy(() -> DistrictsFile.read(config(noIds)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("polity.cartography.districts-file: the file ")
                    .contains("brussels_municipalities.geojson, feature #0")
                    .contains("no id member")
                    .contains("set polity.cartography.districts-id-property")
                    .contains("nis"));

    java.nio.file.Path broken =
        java.nio.file.Files.writeString(dir.resolve("broken.geojson"), "{\"type\": \"Feature");
    Map<String, String> malformed = new HashMap<>();
    malformed.put(CartographyCapability.DISTRICTS_FILE, broken.toString());
    assertThatThrownBy(() -> DistrictsFile.read(config(malformed)))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.problems()).singleElement().asString().contains(broken.toString()));
  }
}
