package org.polity.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A set of areas with distinct identifiers, in file order, with fast point location (prepared JTS
 * geometries).
 *
 * <h2>Points on a border</h2>
 *
 * A point lies in an area when the area <em>covers</em> it ({@link
 * org.locationtech.jts.geom.Geometry#covers}): its interior <em>or its boundary</em>. A point
 * exactly on the border between two municipalities is therefore in both. For eligibility this never
 * wrongly excludes a resident whose address point was snapped to a boundary; statistics that need
 * exactly one area per point use {@link #firstContaining(GeoPoint)} (the first in file order).
 */
public final class AreaCollection {

  private final List<Area> areas;
  private final Map<String, Area> byId;
  private final Map<String, Integer> indexById = new java.util.HashMap<>();
  private final List<PreparedGeometry> prepared;
  private final GeometryFactory factory = new GeometryFactory();

  /**
   * A collection of areas.
   *
   * @param areas the areas; identifiers must be distinct
   */
  public AreaCollection(List<Area> areas) {
    Objects.requireNonNull(areas, "areas");
    Map<String, Area> index = new LinkedHashMap<>();
    List<PreparedGeometry> preparedGeometries = new ArrayList<>();
    for (Area area : areas) {
      Objects.requireNonNull(area, "area");
      if (index.put(area.id(), area) != null) {
        throw new IllegalArgumentException(
            "Area id " + area.id() + " appears twice: area identifiers must be distinct.");
      }
      indexById.put(area.id(), preparedGeometries.size());
      preparedGeometries.add(PreparedGeometryFactory.prepare(area.geometry()));
    }
    this.areas = List.copyOf(areas);
    this.byId = index;
    this.prepared = preparedGeometries;
  }

  /**
   * @return the areas, in file order
   */
  public List<Area> areas() {
    return areas;
  }

  /**
   * An area by identifier.
   *
   * @param id the identifier
   * @return the area, or empty
   */
  public Optional<Area> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * An area by identifier, which must exist.
   *
   * @param id the identifier
   * @return the area
   * @throws IllegalArgumentException naming the known identifiers if there is no such area
   */
  public Area require(String id) {
    Area area = byId.get(id);
    if (area == null) {
      throw new IllegalArgumentException(
          "No area has id '" + id + "': known ids are " + byId.keySet() + ".");
    }
    return area;
  }

  /**
   * Whether an area covers a point (interior or boundary).
   *
   * @param id the area's identifier
   * @param point the point
   * @return true if the point is inside or on the border of the area
   */
  public boolean covers(String id, GeoPoint point) {
    require(id);
    return prepared.get(indexById.get(id)).covers(point.toJts(factory));
  }

  /**
   * Every area covering a point, in file order (two on a shared border, none outside).
   *
   * @param point the point
   * @return the areas
   */
  public List<Area> containing(GeoPoint point) {
    Point jts = point.toJts(factory);
    List<Area> result = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      if (prepared.get(i).covers(jts)) {
        result.add(areas.get(i));
      }
    }
    return List.copyOf(result);
  }

  /**
   * The first area (in file order) covering a point, for statistics that need one area per point.
   *
   * @param point the point
   * @return the area, or empty outside every area
   */
  public Optional<Area> firstContaining(GeoPoint point) {
    Point jts = point.toJts(factory);
    for (int i = 0; i < areas.size(); i++) {
      if (prepared.get(i).covers(jts)) {
        return Optional.of(areas.get(i));
      }
    }
    return Optional.empty();
  }
}
