package org.polity.cartography;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.polity.geo.BoundingBox;

/**
 * What to look for on the map of published initiatives. Every criterion is optional; all given
 * criteria must hold.
 *
 * <ul>
 *   <li>{@code box}: the initiative's map geometry (its point, else its area) intersects the box
 *       (lon/lat, edges included; a box whose west edge is east of its east edge crosses the
 *       antimeridian: see {@link BoundingBox}).
 *   <li>{@code within}: it lies in a district or municipality polygon: its point is covered by it
 *       or, without a point, its area intersects it.
 *   <li>{@code kinds}, {@code themes}, {@code scales}: one of the given values (empty = any).
 *   <li>{@code from}/{@code to}: its {@link Period} overlaps the interval (see {@link
 *       Period#overlaps}).
 * </ul>
 *
 * <pre>{@code
 * InitiativeQuery.builder().bbox(new Envelope(4.30, 4.40, 50.80, 50.88))
 *     .kind(InitiativeKind.PARTICIPATORY_BUDGET).activeBetween(LocalDate.of(2026, 1, 1), null).build();
 * }</pre>
 *
 * @param box a lon/lat box, or null
 * @param within a polygon, or null
 * @param kinds kinds to keep (empty for all)
 * @param themes themes to keep (empty for all)
 * @param scales scales to keep (empty for all)
 * @param from first day of the interval, or null
 * @param to last day of the interval, or null
 */
public record InitiativeQuery(
    BoundingBox box,
    Geometry within,
    Set<InitiativeKind> kinds,
    Set<String> themes,
    Set<Scale> scales,
    LocalDate from,
    LocalDate to) {

  /** Validates and copies. */
  public InitiativeQuery {
    if (within != null && !(within instanceof Polygonal)) {
      throw new IllegalArgumentException(
          "'within' needs a Polygon or MultiPolygon (a district), not a "
              + within.getGeometryType()
              + ".");
    }
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    themes = Set.copyOf(themes);
    scales = scales.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scales));
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "The interval ends (" + to + ") before it starts (" + from + "): swap the dates.");
    }
  }

  /**
   * A query whose box does not cross the antimeridian.
   *
   * @param bbox a lon/lat envelope, or null
   * @param within a polygon, or null
   * @param kinds kinds to keep (empty for all)
   * @param themes themes to keep (empty for all)
   * @param scales scales to keep (empty for all)
   * @param from first day of the interval, or null
   * @param to last day of the interval, or null
   * @throws IllegalArgumentException when the envelope is empty or not in lon/lat ranges
   */
  public InitiativeQuery(
      Envelope bbox,
      Geometry within,
      Set<InitiativeKind> kinds,
      Set<String> themes,
      Set<Scale> scales,
      LocalDate from,
      LocalDate to) {
    this(bbox == null ? null : BoundingBox.of(bbox), within, kinds, themes, scales, from, to);
  }

  /**
   * The box as one lon/lat envelope: a box across the antimeridian gives the whole longitude range
   * of its latitudes.
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
   * Everything published.
   *
   * @return a query with no criterion
   */
  public static InitiativeQuery all() {
    return builder().build();
  }

  /**
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the query has a spatial criterion. */
  boolean isSpatial() {
    return box != null || within != null;
  }

  /** Whether an initiative's non-spatial details match. */
  boolean matchesDetails(InitiativeDetails details) {
    return (kinds.isEmpty() || kinds.contains(details.kind()))
        && (scales.isEmpty() || scales.contains(details.scale()))
        && (themes.isEmpty() || details.themes().stream().anyMatch(themes::contains))
        && ((from == null && to == null) || details.period().overlaps(from, to));
  }

  /** Builds an {@link InitiativeQuery}. */
  public static final class Builder {
    private BoundingBox box;
    private Geometry within;
    private final Set<InitiativeKind> kinds = new LinkedHashSet<>();
    private final Set<String> themes = new LinkedHashSet<>();
    private final Set<Scale> scales = new LinkedHashSet<>();
    private LocalDate from;
    private LocalDate to;

    private Builder() {}

    /**
     * @param bbox a lon/lat box
     * @return this builder
     */
    public Builder bbox(Envelope bbox) {
      return bbox(BoundingBox.of(Objects.requireNonNull(bbox, "bbox")));
    }

    /**
     * @param box a lon/lat box, possibly across the antimeridian
     * @return this builder
     */
    public Builder bbox(BoundingBox box) {
      this.box = Objects.requireNonNull(box, "box");
      return this;
    }

    /**
     * A box from its edges; a west edge east of the east edge crosses the antimeridian.
     *
     * @param west west
     * @param south south
     * @param east east
     * @param north north
     * @return this builder
     * @throws IllegalArgumentException when a coordinate is out of range or south is above north
     */
    public Builder bbox(double west, double south, double east, double north) {
      return bbox(BoundingBox.of(west, south, east, north));
    }

    /**
     * @param polygon a district or municipality
     * @return this builder
     */
    public Builder within(Geometry polygon) {
      this.within = Objects.requireNonNull(polygon, "polygon");
      return this;
    }

    /**
     * @param kind a kind to keep
     * @return this builder
     */
    public Builder kind(InitiativeKind kind) {
      kinds.add(Objects.requireNonNull(kind, "kind"));
      return this;
    }

    /**
     * @param theme a theme to keep
     * @return this builder
     */
    public Builder theme(String theme) {
      themes.add(Objects.requireNonNull(theme, "theme"));
      return this;
    }

    /**
     * @param scale a scale to keep
     * @return this builder
     */
    public Builder scale(Scale scale) {
      scales.add(Objects.requireNonNull(scale, "scale"));
      return this;
    }

    /**
     * @param from first day, or null
     * @param to last day, or null
     * @return this builder
     */
    public Builder activeBetween(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /**
     * @return the query
     */
    public InitiativeQuery build() {
      return new InitiativeQuery(box, within, kinds, themes, scales, from, to);
    }
  }
}
