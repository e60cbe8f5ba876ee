package org.polity.cartography;

import java.time.LocalDate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.polity.geo.BoundingBox;

/**
 * A page request on a {@link MapLayer}: an optional lon/lat box (features whose geometry intersects
 * it; a box whose west edge is east of its east edge crosses the antimeridian, see {@link
 * BoundingBox}), an optional date interval (for temporal layers: features active on one of its
 * days), and the page (offset, limit). A layer filters with {@link #meets(Geometry)}, which handles
 * both kinds of box.
 *
 * @param box the box, or null
 * @param from first day, or null
 * @param to last day, or null
 * @param offset matches to skip, 0 or more
 * @param limit page size, 1 or more
 */
public record LayerQuery(BoundingBox box, LocalDate from, LocalDate to, int offset, int limit) {

  /** Checks the page and the interval. */
  public LayerQuery {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "offset " + offset + " and limit " + limit + ": give offset >= 0 and limit >= 1.");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "The interval ends (" + to + ") before it starts (" + from + "): swap the dates.");
    }
  }

  /**
   * A page request with a box that does not cross the antimeridian.
   *
   * @param bbox the box as a lon/lat envelope, or null
   * @param from first day, or null
   * @param to last day, or null
   * @param offset matches to skip, 0 or more
   * @param limit page size, 1 or more
   */
  public LayerQuery(Envelope bbox, LocalDate from, LocalDate to, int offset, int limit) {
    this(bbox == null ? null : BoundingBox.of(bbox), from, to, offset, limit);
  }

  /**
   * The box as one lon/lat envelope, for layers written before boxes could cross the antimeridian:
   * a box across it gives the whole longitude range of its latitudes, so such a layer answers too
   * many features, never too few. Filter with {@link #meets(Geometry)} or {@link #box()} instead.
   *
   * @return the envelope, or null when there is no box
   * @deprecated a box across the antimeridian is two envelopes: use {@link #box()}
   */
  @Deprecated
  public Envelope bbox() {
    if (box == null) {
      return null;
    }
    return box.crossesAntimeridian()
        ? new Envelope(-180, 180, box.south(), box.north())
        : box.envelopes().get(0);
  }

  /**
   * Whether a feature's geometry passes the box (always, without a box).
   *
   * @param geometry the feature's lon/lat geometry
   * @return true when there is no box or the geometry meets it
   */
  public boolean meets(Geometry geometry) {
    return box == null || box.intersects(geometry);
  }

  /**
   * A page with no filter.
   *
   * @param offset matches to skip
   * @param limit page size
   * @return the query
   */
  public static LayerQuery page(int offset, int limit) {
    return new LayerQuery((BoundingBox) null, null, null, offset, limit);
  }
}
