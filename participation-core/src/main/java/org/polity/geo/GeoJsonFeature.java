package org.polity.geo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a GeoJSON FeatureCollection, as read: its optional {@code id}, its properties as
 * plain Java values, and its geometry (null when the feature's geometry is {@code null}, which RFC
 * 7946 allows).
 *
 * @param id the feature's {@code id} member as text, or null if absent
 * @param properties the properties (String, Number, Boolean, List, Map or null values)
 * @param geometry the JTS geometry in lon/lat, or null
 */
public record GeoJsonFeature(String id, Map<String, Object> properties, Geometry geometry) {

  /** Copies the properties and the geometry. */
  public GeoJsonFeature {
    Objects.requireNonNull(properties, "properties");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    geometry = geometry == null ? null : geometry.copy();
  }

  /**
   * @return the feature's id, when it has one
   */
  public Optional<String> optionalId() {
    return Optional.ofNullable(id);
  }

  /**
   * @return a copy of the geometry, or null
   */
  @Override
  public Geometry geometry() {
    return geometry == null ? null : geometry.copy();
  }
}
