package org.polity.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * A point on Earth in WGS 84, in the RFC 7946 (GeoJSON) order: longitude first, then latitude, in
 * decimal degrees. An address point, for instance.
 *
 * @param longitude the longitude, from -180 to 180
 * @param latitude the latitude, from -90 to 90
 */
public record GeoPoint(double longitude, double latitude) {

  /** Refuses coordinates out of range (often a sign that latitude and longitude were swapped). */
  public GeoPoint {
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "Longitude "
              + longitude
              + " is out of [-180, 180]: GeoJSON points are (longitude,"
              + " latitude), in degrees.");
    }
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException(
          "Latitude "
              + latitude
              + " is out of [-90, 90]: GeoJSON points are (longitude,"
              + " latitude); were they swapped?");
    }
  }

  /**
   * A point from longitude and latitude.
   *
   * @param longitude degrees east
   * @param latitude degrees north
   * @return the point
   */
  public static GeoPoint of(double longitude, double latitude) {
    return new GeoPoint(longitude, latitude);
  }

  /**
   * This point as a JTS point (x = longitude, y = latitude).
   *
   * @param factory the geometry factory
   * @return the JTS point
   */
  public Point toJts(GeometryFactory factory) {
    return factory.createPoint(new Coordinate(longitude, latitude));
  }
}
