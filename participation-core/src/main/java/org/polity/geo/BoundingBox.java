package org.polity.geo;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A box on Earth in WGS 84 lon/lat, as OGC API – Features and GeoJSON write it: west, south, east,
 * north, edges included. When {@code west} is larger than {@code east} the box crosses the
 * antimeridian (from 160.6°E to 170°W is {@code west = 160.6, east = -170}); it is then the two
 * envelopes {@code [west, 180]} and {@code [-180, east]}, and a geometry meets the box when it
 * meets either.
 *
 * <pre>{@code
 * BoundingBox pacific = BoundingBox.of(170, -20, -170, -10);
 * pacific.crossesAntimeridian();        // true
 * pacific.envelopes();                  // [170 .. 180] and [-180 .. -170], latitudes -20 .. -10
 * pacific.intersects(fijiPoint);        // true for a point at 178°E or at 179°W
 * }</pre>
 *
 * @param west the west edge (minimum longitude, unless the box crosses the antimeridian), -180 to
 *     180
 * @param south the south edge, -90 to 90
 * @param east the east edge, -180 to 180
 * @param north the north edge, -90 to 90, not below {@code south}
 */
public record BoundingBox(double west, double south, double east, double north) {

  /** Refuses longitudes or latitudes out of range, and a south edge above the north edge. */
  public BoundingBox {
    if (!(west >= -180 && west <= 180 && east >= -180 && east <= 180)) {
      throw new IllegalArgumentException(
          "The box ["
              + west
              + ", "
              + south
              + ", "
              + east
              + ", "
              + north
              + "] has a longitude out of [-180, 180]: give west, south, east, north in degrees.");
    }
    if (!(south >= -90 && south <= 90 && north >= -90 && north <= 90)) {
      throw new IllegalArgumentException(
          "The box ["
              + west
              + ", "
              + south
              + ", "
              + east
              + ", "
              + north
              + "] has a latitude out of [-90, 90]: give west, south, east, north in degrees"
              + " (longitude first).");
    }
    if (south > north) {
      throw new IllegalArgumentException(
          "The box ["
              + west
              + ", "
              + south
              + ", "
              + east
              + ", "
              + north
              + "] has its south edge above its north edge: give the smaller latitude second.");
    }
  }

  /**
   * A box from its edges.
   *
   * @param west the west edge; larger than {@code east} for a box across the antimeridian
   * @param south the south edge
   * @param east the east edge
   * @param north the north edge
   * @return the box
   */
  public static BoundingBox of(double west, double south, double east, double north) {
    return new BoundingBox(west, south, east, north);
  }

  /**
   * The box of a lon/lat envelope (which never crosses the antimeridian).
   *
   * @param envelope a non-null envelope in lon/lat
   * @return the box
   */
  public static BoundingBox of(Envelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    if (envelope.isNull()) {
      throw new IllegalArgumentException(
          "The envelope is empty: give a box with west, south, east and north edges.");
    }
    return new BoundingBox(
        envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
  }

  /**
   * Whether the box crosses the antimeridian ({@code west > east}).
   *
   * @return true when it does
   */
  public boolean crossesAntimeridian() {
    return west > east;
  }

  /**
   * The box as lon/lat envelopes: one, or two when it crosses the antimeridian (the eastern part
   * {@code [west, 180]} first, then {@code [-180, east]}).
   *
   * @return one or two envelopes
   */
  public List<Envelope> envelopes() {
    if (!crossesAntimeridian()) {
      return List.of(new Envelope(west, east, south, north));
    }
    return List.of(new Envelope(west, 180, south, north), new Envelope(-180, east, south, north));
  }

  /**
   * Whether an envelope meets the box (edges included).
   *
   * @param envelope a lon/lat envelope
   * @return true when it meets one of the box's envelopes
   */
  public boolean intersects(Envelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    return envelopes().stream().anyMatch(e -> e.intersects(envelope));
  }

  /**
   * Whether a geometry meets the box (edges included): its envelope is inside one of the box's
   * envelopes, or its shape meets one of them.
   *
   * @param geometry a lon/lat geometry
   * @return true when it meets the box
   */
  public boolean intersects(Geometry geometry) {
    Objects.requireNonNull(geometry, "geometry");
    Envelope extent = geometry.getEnvelopeInternal();
    for (Envelope part : envelopes()) {
      if (part.intersects(extent)
          && (part.covers(extent) || geometry.getFactory().toGeometry(part).intersects(geometry))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "[" + west + ", " + south + ", " + east + ", " + north + "]";
  }
}
