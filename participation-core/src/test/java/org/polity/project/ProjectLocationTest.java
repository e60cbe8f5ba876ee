package org.polity.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

class ProjectLocationTest {

  @Test
  void aPointIsLongitudeThenLatitudeInWgs84() {
    ProjectLocation location = ProjectLocation.point(4.3517, 50.8503);
    Point point = (Point) location.geometry();
    assertThat(point.getX()).isEqualTo(4.3517);
    assertThat(point.getY()).isEqualTo(50.8503);
    assertThat(point.getSRID()).isEqualTo(4326);
    assertThat(location.isPoint()).isTrue();
  }

  @Test
  void anAreaIsAPolygonAndTheValueCannotBeChangedFromOutside() {
    ProjectLocation park =
        ProjectLocation.fromWkt(
            "POLYGON ((4.35 50.84, 4.36 50.84, 4.36 50.85, 4.35 50.85, 4.35 50.84))");
    assertThat(park.isPoint()).isFalse();
    Geometry copy = park.geometry();
    copy.getCoordinates()[0].x = 99;
    copy.geometryChanged();
    assertThat(park.geometry().getCoordinates()[0].x).isEqualTo(4.35);
    assertThat(park).isEqualTo(ProjectLocation.fromWkt(park.toString()));
  }

  @Test
  void linesSwappedCoordinatesAndBrokenAreasAreRefused() {
    assertThatThrownBy(() -> ProjectLocation.fromWkt("LINESTRING (4.35 50.84, 4.36 50.85)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A project location is a point or an area, not a LineString: give a Point, Polygon or MultiPolygon.");
    assertThatThrownBy(() -> ProjectLocation.point(150_000, 170_000))
        .hasMessage(
            "The coordinate (150000.0, 170000.0) is not a longitude/latitude: give x as longitude in [-180, 180] and y as latitude in [-90, 90].");
    assertThatThrownBy(() -> ProjectLocation.fromWkt("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"))
        .hasMessageStartingWith(
            "The area POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0)) is not a valid geometry");
    assertThatThrownBy(() -> ProjectLocation.fromWkt("POINT (4.35"))
        .hasMessageStartingWith("'POINT (4.35' is not Well-Known Text");
  }
}
