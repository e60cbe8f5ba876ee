package org.polity.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** Boxes in lon/lat, across the antimeridian too (OGC API – Features, /req/core/fc-bbox-*). */
class BoundingBoxTest {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  @Test
  void anOrdinaryBoxIsOneEnvelope() {
    BoundingBox brussels = BoundingBox.of(4.30, 50.80, 4.36, 50.85);
    assertThat(brussels.crossesAntimeridian()).isFalse();
    assertThat(brussels.envelopes()).containsExactly(new Envelope(4.30, 4.36, 50.80, 50.85));
    assertThat(brussels.intersects(point(4.33, 50.82))).isTrue();
    assertThat(brussels.intersects(point(4.36, 50.85))).as("edges are inside").isTrue();
    assertThat(brussels.intersects(point(4.40, 50.82))).isFalse();
    assertThat(BoundingBox.of(new Envelope(4.30, 4.36, 50.80, 50.85))).isEqualTo(brussels);
  }

  @Test
  void aWestEdgeEastOfTheEastEdgeCrossesTheAntimeridian() {
    // the standard's example: the New Zealand Exclusive Economic Zone
    BoundingBox zealand = BoundingBox.of(160.6, -55.95, -170, -25.89);
    assertThat(zealand.crossesAntimeridian()).isTrue();
    assertThat(zealand.envelopes())
        .containsExactly(
            new Envelope(160.6, 180, -55.95, -25.89), new Envelope(-180, -170, -55.95, -25.89));
    assertThat(zealand.intersects(point(174.78, -41.29))).as("Wellington").isTrue();
    assertThat(zealand.intersects(point(-176.5, -44.0))).as("Chatham Islands").isTrue();
    assertThat(zealand.intersects(point(0, -40))).as("the Atlantic").isFalse();
    assertThat(zealand.intersects(point(-150, -40))).isFalse();
    assertThat(zealand.intersects(point(174.78, -20))).as("north of the box").isFalse();
    assertThat(zealand.intersects(new Envelope(-175, -174, -30, -29))).isTrue();
    assertThat(zealand.intersects(new Envelope(100, 110, -30, -29))).isFalse();
  }

  @Test
  void aBoxOutOfRangeOrUpsideDownIsRefusedWithTheFix() {
    assertThatThrownBy(() -> BoundingBox.of(4, 95, 5, 96))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latitude out of [-90, 90]");
    assertThatThrownBy(() -> BoundingBox.of(-181, 50, 5, 51))
        .hasMessageContaining("longitude out of [-180, 180]");
    assertThatThrownBy(() -> BoundingBox.of(4, 51, 5, 50))
        .hasMessageContaining("south edge above its north edge");
    assertThatThrownBy(() -> BoundingBox.of(Double.NaN, 50, 5, 51))
        .hasMessageContaining("longitude");
    assertThatThrownBy(() -> BoundingBox.of(new Envelope())).hasMessageContaining("empty");
  }

  private static org.locationtech.jts.geom.Point point(double lon, double lat) {
    return FACTORY.createPoint(new Coordinate(lon, lat));
  }
}
