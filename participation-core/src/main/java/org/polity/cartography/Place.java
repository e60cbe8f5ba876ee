package org.polity.cartography;

import java.util.Optional;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Where an initiative happens: a point (a meeting place), an area (the territory it covers), or
 * both, in WGS 84 longitude/latitude (x = longitude, y = latitude, SRID 4326).
 *
 * <p>On the map, the {@link #geometry()} is the point when there is one (a marker), otherwise the
 * area. Spatial queries use the {@link #envelope()} of both, and a place lies in a district when
 * its point is covered by it or, without a point, when its area intersects it.
 *
 * <pre>{@code
 * Place.point(4.3517, 50.8466);
 * Place.area(municipality.geometry());
 * }</pre>
 *
 * @param point the point, or null
 * @param area a valid Polygon or MultiPolygon, or null
 */
public record Place(Point point, Geometry area) {

  /** WGS 84. */
  public static final int SRID = 4326;

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), SRID);

  /** Refuses a place with neither point nor area, coordinates out of range, invalid areas. */
  public Place {
    if (point == null && area == null) {
      throw new IllegalArgumentException(
          "A place needs a point, an area or both: use Place.point(lon, lat) or Place.area(polygon).");
    }
    if (point != null) {
      if (point.isEmpty()) {
        throw new IllegalArgumentException("The point is empty: give Place.point(lon, lat).");
      }
      checkRange(point);
      point = (Point) WGS84.createGeometry(point);
    }
    if (area != null) {
      if (!(area instanceof Polygonal) || area.isEmpty()) {
        throw new IllegalArgumentException(
            "An area is a Polygon or MultiPolygon, not a "
                + area.getGeometryType()
                + (area.isEmpty() ? " (empty)" : "")
                + ": give the outline of the territory.");
      }
      checkRange(area);
      TopologyValidationError error = new IsValidOp(area).getValidationError();
      if (error != null) {
        throw new IllegalArgumentException(
            "The area is not valid: "
                + error.getMessage()
                + " at "
                + error.getCoordinate()
                + ". Fix its outline (closed rings that do not cross themselves).");
      }
      area = rightHandRule(WGS84.createGeometry(area));
    }
  }

  /**
   * The area with RFC 7946's right-hand rule (exterior rings counter-clockwise, holes clockwise),
   * rings reversed where needed, as {@link org.polity.geo.GeoJsonWriter} writes them: a place read
   * back from its GeoJSON equals the place written.
   */
  private static Geometry rightHandRule(Geometry area) {
    if (area instanceof Polygon polygon) {
      return orient(polygon);
    }
    Polygon[] polygons = new Polygon[area.getNumGeometries()];
    for (int i = 0; i < polygons.length; i++) {
      polygons[i] = orient((Polygon) area.getGeometryN(i));
    }
    return WGS84.createMultiPolygon(polygons);
  }

  private static Polygon orient(Polygon polygon) {
    boolean changed = false;
    LinearRing shell = polygon.getExteriorRing();
    if (!Orientation.isCCW(shell.getCoordinateSequence())) {
      shell = shell.reverse();
      changed = true;
    }
    LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = polygon.getInteriorRingN(i);
      if (Orientation.isCCW(holes[i].getCoordinateSequence())) {
        holes[i] = holes[i].reverse();
        changed = true;
      }
    }
    return changed ? WGS84.createPolygon(shell, holes) : polygon;
  }

  /**
   * A point.
   *
   * @param longitude degrees east, -180..180
   * @param latitude degrees north, -90..90
   * @return the place
   */
  public static Place point(double longitude, double latitude) {
    checkRange(longitude, latitude);
    return new Place(WGS84.createPoint(new Coordinate(longitude, latitude)), null);
  }

  /**
   * An area.
   *
   * @param area a valid Polygon or MultiPolygon in lon/lat
   * @return the place
   */
  public static Place area(Geometry area) {
    return new Place(null, area);
  }

  /**
   * A point within (or near) an area.
   *
   * @param longitude degrees east
   * @param latitude degrees north
   * @param area a valid Polygon or MultiPolygon
   * @return the place
   */
  public static Place both(double longitude, double latitude, Geometry area) {
    checkRange(longitude, latitude);
    return new Place(WGS84.createPoint(new Coordinate(longitude, latitude)), area);
  }

  /**
   * @return a copy of the point, if any
   */
  public Optional<Point> optionalPoint() {
    return Optional.ofNullable(point).map(p -> (Point) p.copy());
  }

  /**
   * @return a copy of the area, if any
   */
  public Optional<Geometry> optionalArea() {
    return Optional.ofNullable(area).map(Geometry::copy);
  }

  @Override
  public Point point() {
    return point == null ? null : (Point) point.copy();
  }

  @Override
  public Geometry area() {
    return area == null ? null : area.copy();
  }

  /**
   * The geometry drawn on the map: the point if there is one, else the area.
   *
   * @return a copy of it
   */
  public Geometry geometry() {
    return point != null ? point.copy() : area.copy();
  }

  /**
   * The bounding box of the point and the area together.
   *
   * @return a new envelope
   */
  public Envelope envelope() {
    Envelope envelope = new Envelope();
    if (point != null) {
      envelope.expandToInclude(point.getCoordinate());
    }
    if (area != null) {
      envelope.expandToInclude(area.getEnvelopeInternal());
    }
    return envelope;
  }

  /** The geometry used for "in this district" tests: the point, else the area (not copied). */
  Geometry locator() {
    return point != null ? point : area;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Place place
        && (point == null
            ? place.point == null
            : place.point != null && point.equalsExact(place.point))
        && (area == null ? place.area == null : place.area != null && area.equalsExact(place.area));
  }

  @Override
  public int hashCode() {
    return envelope().hashCode();
  }

  @Override
  public String toString() {
    return "Place["
        + (point == null ? "" : point.toText())
        + (point != null && area != null ? ", " : "")
        + (area == null ? "" : area.getGeometryType() + " " + area.getEnvelopeInternal())
        + "]";
  }

  private static void checkRange(Geometry geometry) {
    for (Coordinate c : geometry.getCoordinates()) {
      checkRange(c.x, c.y);
    }
  }

  private static void checkRange(double longitude, double latitude) {
    if (!(longitude >= -180 && longitude <= 180 && latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException(
          "The coordinate ("
              + longitude
              + ", "
              + latitude
              + ") is not a longitude/latitude: give x"
              + " as longitude in [-180, 180] and y as latitude in [-90, 90] (were they swapped?).");
    }
  }
}
