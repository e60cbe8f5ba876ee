package org.polity.geo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A named area of a territory (a municipality, a district, a neighbourhood): an identifier, the
 * properties of its GeoJSON feature, and a valid polygonal geometry in WGS 84 lon/lat.
 *
 * <p>The geometry is copied on the way in and out, so an {@code Area} cannot be changed.
 *
 * @param id the area's identifier (a NIS code, a district number); not blank
 * @param properties the feature's properties, as plain Java values (String, Number, Boolean, List,
 *     Map, or null)
 * @param geometry a valid Polygon or MultiPolygon
 */
public record Area(String id, Map<String, Object> properties, Geometry geometry) {

  /** Refuses a blank id or a geometry that is not a valid polygonal one. */
  public Area {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("An area id is blank: give each area an identifier.");
    }
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(geometry, "geometry");
    if (!(geometry instanceof Polygonal)) {
      throw new IllegalArgumentException(
          "Area "
              + id
              + " has a "
              + geometry.getGeometryType()
              + ": an area needs a Polygon or a"
              + " MultiPolygon.");
    }
    if (!geometry.isValid()) {
      throw new IllegalArgumentException(
          "Area "
              + id
              + " has an invalid geometry: "
              + new org.locationtech.jts.operation.valid.IsValidOp(geometry).getValidationError());
    }
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    geometry = geometry.copy();
  }

  /**
   * A copy of the geometry.
   *
   * @return the polygonal geometry
   */
  @Override
  public Geometry geometry() {
    return geometry.copy();
  }

  /**
   * A property as text, if present and not null.
   *
   * @param name the property name
   * @return its value as a string
   */
  public Optional<String> text(String name) {
    Object value = properties.get(name);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }
}
