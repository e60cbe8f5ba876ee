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
}
