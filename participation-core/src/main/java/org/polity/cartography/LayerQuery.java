package org.polity.cartography;

import java.time.LocalDate;
import org.locationtech.jts.geom.Envelope;

/**
 * A page request on a {@link MapLayer}: an optional lon/lat box (features whose geometry intersects
 * it), an optional date interval (for temporal layers: features active on one of its days), and the
 * page (offset, limit).
 *
 * @param bbox the box, or null
 * @param from first day, or null
 * @param to last day, or null
 * @param offset matches to skip, 0 or more
 * @param limit page size, 1 or more
 */
public record LayerQuery(Envelope bbox, LocalDate from, LocalDate to, int offset, int limit) {

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
    bbox = bbox == null ? null : new Envelope(bbox);
  }

  /**
   * A page with no filter.
   *
   * @param offset matches to skip
   * @param limit page size
   * @return the query
   */
  public static LayerQuery page(int offset, int limit) {
    return new LayerQuery(null, null, null, offset, limit);
  }
}
