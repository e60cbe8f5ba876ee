package org.polity.project;

import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Where a project is: a point or an area (polygon or multipolygon), in WGS 84 longitude/latitude (x
 * = longitude, y = latitude, SRID 4326). The geometry is copied in and out, so this value cannot be
 * changed from outside.
 *
 * @param geometry a non-empty, valid point, polygon or multipolygon in lon/lat
 */
public record ProjectLocation(Geometry geometry) {

  /** WGS 84. */
  public static final int SRID = 4326;

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), SRID);

  /** Validates and copies the geometry. */
  public ProjectLocation {
    Objects.requireNonNull(
        geometry, "The geometry is missing: use ProjectLocation.point(lon, lat).");
    if (!(geometry instanceof Point
        || geometry instanceof Polygon
        || geometry instanceof MultiPolygon)) {
      throw new IllegalArgumentException(
          "A project location is a point or an area, not a "
              + geometry.getGeometryType()
              + ": give a Point, Polygon or MultiPolygon.");
    }
    if (geometry.isEmpty()) {
      throw new IllegalArgumentException("The location is empty: give a point or an area.");
    }
    if (geometry.getSRID() != 0 && geometry.getSRID() != SRID) {
      throw new IllegalArgumentException(
          "The location is in SRID "
              + geometry.getSRID()
              + ": give WGS 84 longitude/latitude (SRID 4326).");
    }
    for (Coordinate c : geometry.getCoordinates()) {
      if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
        throw new IllegalArgumentException(
            "The coordinate ("
                + c.x
                + ", "
                + c.y
                + ") is not a longitude/latitude: give x as"
                + " longitude in [-180, 180] and y as latitude in [-90, 90].");
      }
    }
    if (!geometry.isValid()) {
      throw new IllegalArgumentException(
          "The area "
              + geometry
              + " is not a valid geometry (self-crossing or unclosed ring): fix its outline.");
    }
    geometry = WGS84.createGeometry(geometry);
  }

  /**
   * A point.
   *
   * @param longitude the longitude in degrees
   * @param latitude the latitude in degrees
   * @return the location
   */
  public static ProjectLocation point(double longitude, double latitude) {
    return new ProjectLocation(WGS84.createPoint(new Coordinate(longitude, latitude)));
  }

  /**
   * A location from Well-Known Text, such as {@code POINT (4.35 50.85)}.
   *
   * @param wkt the text, longitude first
   * @return the location
   */
  public static ProjectLocation fromWkt(String wkt) {
    try {
      return new ProjectLocation(new WKTReader(WGS84).read(wkt));
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "'" + wkt + "' is not Well-Known Text: " + e.getMessage(), e);
    }
  }

  /**
   * A copy of the geometry.
   *
   * @return the geometry, SRID 4326
   */
  @Override
  public Geometry geometry() {
    return WGS84.createGeometry(geometry);
  }

  /**
   * Whether this is a point (otherwise an area).
   *
   * @return true for a point
   */
  public boolean isPoint() {
    return geometry instanceof Point;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProjectLocation location && geometry.equalsExact(location.geometry);
  }

  @Override
  public int hashCode() {
    return geometry.getEnvelopeInternal().hashCode();
  }

  @Override
  public String toString() {
    return geometry.toText();
  }
}
