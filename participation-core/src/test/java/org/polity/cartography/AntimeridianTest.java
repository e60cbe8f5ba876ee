package org.polity.cartography;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.polity.common.LocalizedText;
import org.polity.geo.Area;
import org.polity.geo.AreaCollection;
import org.polity.geo.BoundingBox;
import org.polity.geo.GeoJsonFeature;
import org.polity.testing.MutableClock;

/**
 * A box across the antimeridian (west edge east of the east edge) finds the features on both sides
 * of it, in the registry and in every layer, each once, in the layer's order.
 */
class AntimeridianTest {

  private static final BoundingBox PACIFIC = BoundingBox.of(170, -25, -170, -10);

  @Test
  void theRegistryFindsTheInitiativesOnBothSides() {
    InitiativeRegistry registry =
        new InitiativeRegistry(new MutableClock(Instant.parse("2026-02-01T09:00:00Z")));
    Initiative suva = publish(registry, 178.44, -18.14); // Fiji, east longitude
    Initiative apia = publish(registry, -171.76, -13.83); // Samoa, west longitude
    publish(registry, 4.35, 50.85); // Brussels
    publish(registry, 150.0, -18.0); // west of the box
    publish(registry, -160.0, -18.0); // east of the box
    InitiativeQuery query = InitiativeQuery.builder().bbox(PACIFIC).build();
    assertThat(registry.findAll(query)).containsExactly(suva, apia);
    InitiativePage page = registry.find(query, 1, 10);
    assertThat(page.numberMatched()).isEqualTo(2);
    assertThat(page.items()).containsExactly(apia);
    // the builder's edges say the same
    assertThat(registry.findAll(InitiativeQuery.builder().bbox(170, -25, -170, -10).build()))
        .containsExactly(suva, apia);
    // an area that reaches both sides is found once
    Initiative both =
        registry.propose(
            "org",
            Samples.budget(179.5, -15).toBuilder()
                .place(
                    Place.area(
                        new GeometryFactory()
                            .toGeometry(new Envelope(179, 180, -16, -14))
                            .union(
                                new GeometryFactory()
                                    .toGeometry(new Envelope(-180, -179, -16, -14)))))
                .build());
    registry.publish(both.id(), "staff").orElseThrow();
    assertThat(registry.findAll(query))
        .extracting(i -> i.id().value())
        .containsExactly(suva.id().value(), apia.id().value(), both.id().value());
    // through the layer, with the legacy envelope constructor still meaning an ordinary box
    InitiativeLayer layer = new InitiativeLayer(registry);
    assertThat(layer.features(new LayerQuery(PACIFIC, null, null, 0, 10)).numberMatched())
        .isEqualTo(3);
    assertThat(
            layer
                .features(new LayerQuery(new Envelope(170, 180, -25, -10), null, null, 0, 10))
                .numberMatched())
        .isEqualTo(2);
  }

  @Test
  void anAreaLayerFindsTheAreasOnBothSides() {
    GeometryFactory factory = new GeometryFactory();
    AreaCollection islands =
        new AreaCollection(
            List.of(
                new Area("fiji", Map.of(), factory.toGeometry(new Envelope(177, 179, -19, -17))),
                new Area("samoa", Map.of(), factory.toGeometry(new Envelope(-173, -171, -15, -13))),
                new Area(
                    "hawaii", Map.of(), factory.toGeometry(new Envelope(-160, -154, 18, 22)))));
    AreaLayer layer = new AreaLayer("islands", LocalizedText.of("en", "Islands"), islands);
    FeaturePage page = layer.features(new LayerQuery(PACIFIC, null, null, 0, 10));
    assertThat(page.features()).extracting(GeoJsonFeature::id).containsExactly("fiji", "samoa");
    assertThat(page.numberMatched()).isEqualTo(2);
  }

  private static Initiative publish(InitiativeRegistry registry, double lon, double lat) {
    Initiative proposed = registry.propose("org", Samples.budget(lon, lat));
    registry.publish(proposed.id(), "staff").orElseThrow();
    return registry.get(proposed.id()).orElseThrow();
  }
}
