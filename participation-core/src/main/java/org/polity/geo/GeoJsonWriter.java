package org.polity.geo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Writes RFC 7946 GeoJSON from JTS geometries with Jackson's streaming generator: the counterpart
 * of {@link GeoJsonReader}.
 *
 * <ul>
 *   <li>Positions are {@code [longitude, latitude]} (x, y) in WGS 84; no {@code crs} member is ever
 *       written.
 *   <li>Polygon rings follow the right-hand rule: the exterior ring counter-clockwise, holes
 *       clockwise (rings are reversed on the way out when needed; the input is not changed).
 *   <li>Every geometry is checked before anything is written for its feature: coordinates in range
 *       and, for polygons, JTS validity. A bad one is refused with an {@link
 *       InvalidGeoJsonException} naming the feature and the reason.
 * </ul>
 *
 * <pre>{@code
 * String text = new GeoJsonWriter().write(List.of(new GeoJsonFeature("a", Map.of(), point)));
 * }</pre>
 *
 * <p>Instances are immutable and may be shared between threads.
 */
public final class GeoJsonWriter {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A writer. */
  public GeoJsonWriter() {}

  /**
   * A FeatureCollection as text.
   *
   * @param features the features, written in order
   * @return the GeoJSON text
   * @throws InvalidGeoJsonException if a geometry is invalid or out of range (nothing is returned)
   */
  public String write(List<GeoJsonFeature> features) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, features, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes a FeatureCollection, with extra top-level ("foreign") members after {@code features},
   * such as OGC API's {@code links}, {@code numberMatched} and {@code numberReturned}. Every
   * geometry is checked before the first byte is written.
   *
   * @param out where to write UTF-8 text (not closed)
   * @param features the features, in order
   * @param members extra top-level members (plain Java values); must not use {@code type}, {@code
   *     features} or {@code crs}
   * @throws IOException if writing fails
   * @throws InvalidGeoJsonException if a geometry is invalid or out of range
   */
  public void write(OutputStream out, List<GeoJsonFeature> features, Map<String, ?> members)
      throws IOException {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(members, "members");
    for (String reserved : List.of("type", "features", "crs")) {
      if (members.containsKey(reserved)) {
        throw new IllegalArgumentException(
            "The extra member '"
                + reserved
                + "' is reserved: RFC 7946 defines it (and forbids"
                + " crs); give the collection's own members only.");
      }
    }
    for (int i = 0; i < features.size(); i++) {
      check(features.get(i), i);
    }
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (GeoJsonFeature feature : features) {
        writeFeature(g, feature);
      }
      g.writeEndArray();
      for (Map.Entry<String, ?> member : members.entrySet()) {
        g.writeFieldName(member.getKey());
        MAPPER.writeValue(g, member.getValue());
      }
      g.writeEndObject();
    }
  }

  /**
   * Writes one Feature object (with extra members such as {@code links}) as a document of its own.
   *
   * @param out where to write UTF-8 text (not closed)
   * @param feature the feature
   * @param members extra members written after {@code properties}
   * @throws IOException if writing fails
   * @throws InvalidGeoJsonException if the geometry is invalid or out of range
   */
  public void writeFeature(OutputStream out, GeoJsonFeature feature, Map<String, ?> members)
      throws IOException {
    check(feature, 0);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      writeFeatureBody(g, feature, members);
    }
  }

  /**
   * A geometry as a GeoJSON geometry object (text), right-hand rule applied.
   *
   * @param geometry the geometry in lon/lat
   * @return the GeoJSON text
   * @throws IllegalArgumentException if it is invalid or out of range
   */
  public String geometry(Geometry geometry) {
    checkGeometry(geometry);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      writeGeometry(g, geometry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void check(GeoJsonFeature feature, int index) {
    Objects.requireNonNull(feature, "feature");
    if (feature.geometry() == null) {
      return;
    }
    try {
      checkGeometry(feature.geometry());
    } catch (IllegalArgumentException e) {
      throw new InvalidGeoJsonException("output", index, feature.id(), e.getMessage());
    }
  }

  private static void checkGeometry(Geometry geometry) {
    Objects.requireNonNull(geometry, "geometry");
    for (Coordinate c : geometry.getCoordinates()) {
      if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
        throw new IllegalArgumentException(
            "position ["
                + c.x
                + ", "
                + c.y
                + "] is out of range: GeoJSON is [longitude, latitude]"
                + " in WGS 84 degrees (were they swapped, or is the geometry projected?).");
      }
    }
    if (hasPolygon(geometry)) {
      TopologyValidationError error = new IsValidOp(geometry).getValidationError();
      if (error != null) {
        throw new IllegalArgumentException(
            "invalid geometry: " + error.getMessage() + " at " + error.getCoordinate() + ".");
      }
    }
  }

  private static boolean hasPolygon(Geometry geometry) {
    if (geometry instanceof Polygonal) {
      return true;
    }
    if (geometry instanceof GeometryCollection collection
        && !(geometry instanceof MultiPoint)
        && !(geometry instanceof MultiLineString)) {
      for (int i = 0; i < collection.getNumGeometries(); i++) {
        if (hasPolygon(collection.getGeometryN(i))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void writeFeature(JsonGenerator g, GeoJsonFeature feature) throws IOException {
    writeFeatureBody(g, feature, Map.of());
  }

  private static void writeFeatureBody(
      JsonGenerator g, GeoJsonFeature feature, Map<String, ?> members) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    if (feature.id() != null) {
      g.writeStringField("id", feature.id());
    }
    g.writeFieldName("geometry");
    Geometry geometry = feature.geometry();
    if (geometry == null) {
      g.writeNull();
    } else {
      writeGeometry(g, geometry);
    }
    g.writeFieldName("properties");
    MAPPER.writeValue(g, feature.properties());
    for (Map.Entry<String, ?> member : members.entrySet()) {
      g.writeFieldName(member.getKey());
      MAPPER.writeValue(g, member.getValue());
    }
    g.writeEndObject();
  }

  private static void writeGeometry(JsonGenerator g, Geometry geometry) throws IOException {
    g.writeStartObject();
    if (geometry instanceof Point point) {
      g.writeStringField("type", "Point");
      g.writeFieldName("coordinates");
      if (point.isEmpty()) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        position(g, point.getCoordinate());
      }
    } else if (geometry instanceof LineString line) {
      g.writeStringField("type", "LineString");
      g.writeFieldName("coordinates");
      positions(g, line.getCoordinates());
    } else if (geometry instanceof Polygon polygon) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      polygon(g, polygon);
    } else if (geometry instanceof MultiPoint multi) {
      g.writeStringField("type", "MultiPoint");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        position(g, multi.getGeometryN(i).getCoordinate());
      }
      g.writeEndArray();
    } else if (geometry instanceof MultiLineString multi) {
      g.writeStringField("type", "MultiLineString");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        positions(g, multi.getGeometryN(i).getCoordinates());
      }
      g.writeEndArray();
    } else if (geometry instanceof MultiPolygon multi) {
      g.writeStringField("type", "MultiPolygon");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        polygon(g, (Polygon) multi.getGeometryN(i));
      }
      g.writeEndArray();
    } else if (geometry instanceof GeometryCollection collection) {
      g.writeStringField("type", "GeometryCollection");
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < collection.getNumGeometries(); i++) {
        writeGeometry(g, collection.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "A "
              + geometry.getGeometryType()
              + " has no GeoJSON form: give one of the seven RFC 7946"
              + " geometry types.");
    }
    g.writeEndObject();
  }

  private static void polygon(JsonGenerator g, Polygon polygon) throws IOException {
    g.writeStartArray();
    ring(g, polygon.getExteriorRing(), true);
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      ring(g, polygon.getInteriorRingN(i), false);
    }
    g.writeEndArray();
  }

  /** Right-hand rule: exterior counter-clockwise, holes clockwise. */
  private static void ring(JsonGenerator g, LinearRing ring, boolean exterior) throws IOException {
    Coordinate[] coordinates = ring.getCoordinates();
    boolean ccw = Orientation.isCCW(coordinates);
    if (ccw != exterior) {
      coordinates = coordinates.clone();
      for (int i = 0, j = coordinates.length - 1; i < j; i++, j--) {
        Coordinate swap = coordinates[i];
        coordinates[i] = coordinates[j];
        coordinates[j] = swap;
      }
    }
    positions(g, coordinates);
  }

  private static void positions(JsonGenerator g, Coordinate[] coordinates) throws IOException {
    g.writeStartArray();
    for (Coordinate c : coordinates) {
      position(g, c);
    }
    g.writeEndArray();
  }

  private static void position(JsonGenerator g, Coordinate c) throws IOException {
    g.writeStartArray();
    g.writeNumber(c.x);
    g.writeNumber(c.y);
    g.writeEndArray();
  }
}
