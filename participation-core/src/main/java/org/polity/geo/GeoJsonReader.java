package org.polity.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads RFC 7946 GeoJSON (WGS 84, longitude then latitude) with Jackson into JTS geometries.
 *
 * <p>{@link #readFeatures} reads any FeatureCollection (all seven geometry types); {@link
 * #readAreas} reads a FeatureCollection of areas (Polygons and MultiPolygons) into an {@link
 * AreaCollection}. Every geometry is checked: coordinates in range, rings closed with at least four
 * positions, and JTS validity (no self-intersection, holes inside shells). The first problem is
 * refused with an {@link InvalidGeoJsonException} naming the feature and the reason. Rings that do
 * not follow the right-hand rule are accepted, as RFC 7946 asks of parsers.
 *
 * <pre>{@code
 * AreaCollection municipalities =
 *     new GeoJsonReader().readAreas(Path.of("brussels_municipalities.geojson"), "nis");
 * municipalities.covers("21002", GeoPoint.of(4.4187, 50.8120)); // Auderghem
 * }</pre>
 */
public final class GeoJsonReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final GeometryFactory factory;

  /** A reader with a default JTS geometry factory (floating precision, SRID 0). */
  public GeoJsonReader() {
    this(new GeometryFactory());
  }

  /**
   * A reader building geometries with a given factory.
   *
   * @param factory the JTS geometry factory
   */
  public GeoJsonReader(GeometryFactory factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Reads a FeatureCollection file into areas.
   *
   * @param file the GeoJSON file
   * @param idProperty the property holding each area's id when a feature has no {@code id} member
   *     (e.g. {@code nis}); may be null if every feature has an {@code id}
   * @return the areas, in file order
   * @throws IOException if the file cannot be read
   * @throws InvalidGeoJsonException if it is not a valid collection of areas
   */
  public AreaCollection readAreas(Path file, String idProperty) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readAreas(in, file.getFileName().toString(), idProperty);
    }
  }

  /**
   * Reads a FeatureCollection into areas.
   *
   * @param in the GeoJSON text
   * @param source a name for error messages (a file name)
   * @param idProperty the property holding the id when a feature has no {@code id} member
   * @return the areas, in file order
   * @throws IOException if the stream cannot be read
   * @throws InvalidGeoJsonException if it is not a valid collection of areas
   */
  public AreaCollection readAreas(InputStream in, String source, String idProperty)
      throws IOException {
    List<GeoJsonFeature> features = readFeatures(in, source, idProperty);
    List<Area> areas = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      GeoJsonFeature feature = features.get(i);
      String id = feature.id();
      if (id == null && idProperty != null && feature.properties().get(idProperty) != null) {
        id = String.valueOf(feature.properties().get(idProperty));
      }
      if (id == null || id.isBlank()) {
        throw new InvalidGeoJsonException(
            source,
            i,
            null,
            "the feature has no id member"
                + (idProperty == null ? "" : " and no '" + idProperty + "' property")
                + ": give every area an id, or name the property that holds it.");
      }
      Geometry geometry = feature.geometry();
      if (!(geometry instanceof Polygonal)) {
        throw new InvalidGeoJsonException(
            source,
            i,
            id,
            "an area needs a Polygon or MultiPolygon, not "
                + (geometry == null ? "a null geometry" : "a " + geometry.getGeometryType())
                + ".");
      }
      Integer previous = seen.put(id, i);
      if (previous != null) {
        throw new InvalidGeoJsonException(
            source,
            i,
            id,
            "the id is already used by feature #" + previous + ": ids must be distinct.");
      }
      areas.add(new Area(id, feature.properties(), geometry));
    }
    return new AreaCollection(areas);
  }

  /**
   * Reads any FeatureCollection.
   *
   * @param in the GeoJSON text
   * @param source a name for error messages
   * @return the features, in file order
   * @throws IOException if the stream cannot be read
   * @throws InvalidGeoJsonException if the text is not a valid FeatureCollection
   */
  public List<GeoJsonFeature> readFeatures(InputStream in, String source) throws IOException {
    return readFeatures(in, source, null);
  }

  private List<GeoJsonFeature> readFeatures(InputStream in, String source, String idProperty)
      throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidGeoJsonException(source, -1, null, "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText(null))) {
      throw new InvalidGeoJsonException(
          source, -1, null, "the top-level object is not a FeatureCollection (\"type\").");
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw new InvalidGeoJsonException(
          source, -1, null, "\"features\" is missing or not an array.");
    }
    List<GeoJsonFeature> result = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      String id = null;
      JsonNode idNode = feature.get("id");
      if (idNode != null && !idNode.isNull()) {
        if (!idNode.isTextual() && !idNode.isNumber()) {
          throw new InvalidGeoJsonException(
              source, i, null, "\"id\" must be a string or a number.");
        }
        id = idNode.asText();
      }
      // How errors name the feature: its id member, else the id property readAreas will use.
      String label = id;
      if (label == null
          && idProperty != null
          && feature.path("properties").hasNonNull(idProperty)) {
        label = feature.path("properties").get(idProperty).asText();
      }
      if (!"Feature".equals(feature.path("type").asText(null))) {
        throw new InvalidGeoJsonException(source, i, label, "\"type\" is not \"Feature\".");
      }
      JsonNode propertiesNode = feature.get("properties");
      Map<String, Object> properties = new LinkedHashMap<>();
      if (propertiesNode != null && !propertiesNode.isNull()) {
        if (!propertiesNode.isObject()) {
          throw new InvalidGeoJsonException(
              source, i, label, "\"properties\" must be an object or null.");
        }
        properties = MAPPER.convertValue(propertiesNode, new TypeReference<>() {});
      }
      JsonNode geometryNode = feature.get("geometry");
      Geometry geometry = null;
      if (geometryNode != null && !geometryNode.isNull()) {
        try {
          geometry = geometry(geometryNode);
          checkValid(geometry);
        } catch (IllegalArgumentException e) {
          throw new InvalidGeoJsonException(source, i, label, e.getMessage());
        }
      }
      result.add(new GeoJsonFeature(id, properties, geometry));
    }
    return List.copyOf(result);
  }

  /**
   * Parses one GeoJSON geometry object (Point, MultiPoint, LineString, MultiLineString, Polygon,
   * MultiPolygon, GeometryCollection) without checking its validity.
   *
   * @param node the geometry object
   * @return the JTS geometry (x = longitude, y = latitude)
   * @throws IllegalArgumentException if the object is malformed
   */
  public Geometry geometry(JsonNode node) {
    String type = node.path("type").asText("");
    if ("GeometryCollection".equals(type)) {
      JsonNode members = node.get("geometries");
      if (members == null || !members.isArray()) {
        throw new IllegalArgumentException("a GeometryCollection needs a \"geometries\" array.");
      }
      Geometry[] geometries = new Geometry[members.size()];
      for (int i = 0; i < members.size(); i++) {
        geometries[i] = geometry(members.get(i));
      }
      return factory.createGeometryCollection(geometries);
    }
    JsonNode c = node.get("coordinates");
    if (c == null || !c.isArray()) {
      throw new IllegalArgumentException("the " + type + " has no \"coordinates\" array.");
    }
    return switch (type) {
      case "Point" -> factory.createPoint(position(c));
      case "MultiPoint" -> {
        Point[] points = new Point[c.size()];
        for (int i = 0; i < c.size(); i++) {
          points[i] = factory.createPoint(position(c.get(i)));
        }
        yield factory.createMultiPoint(points);
      }
      case "LineString" -> lineString(c);
      case "MultiLineString" -> {
        LineString[] lines = new LineString[c.size()];
        for (int i = 0; i < c.size(); i++) {
          lines[i] = lineString(c.get(i));
        }
        yield factory.createMultiLineString(lines);
      }
      case "Polygon" -> polygon(c);
      case "MultiPolygon" -> {
        Polygon[] polygons = new Polygon[c.size()];
        for (int i = 0; i < c.size(); i++) {
          polygons[i] = polygon(c.get(i));
        }
        yield factory.createMultiPolygon(polygons);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown geometry type '" + type + "': expected one of the seven RFC 7946 types.");
    };
  }

  private LineString lineString(JsonNode positions) {
    Coordinate[] coordinates = positions(positions);
    if (coordinates.length < 2) {
      throw new IllegalArgumentException("a LineString needs at least two positions.");
    }
    return factory.createLineString(coordinates);
  }

  private Polygon polygon(JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException("a Polygon needs at least its exterior ring.");
    }
    LinearRing shell = ring(rings.get(0), "exterior ring");
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i), "hole #" + i);
    }
    return factory.createPolygon(shell, holes);
  }

  private LinearRing ring(JsonNode positions, String what) {
    Coordinate[] coordinates = positions(positions);
    if (coordinates.length < 4) {
      throw new IllegalArgumentException(
          "the " + what + " has " + coordinates.length + " positions: a ring needs at least 4.");
    }
    if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
      throw new IllegalArgumentException(
          "the " + what + " is not closed: its last position must repeat its first.");
    }
    return factory.createLinearRing(coordinates);
  }

  private Coordinate[] positions(JsonNode positions) {
    if (!positions.isArray()) {
      throw new IllegalArgumentException("expected an array of positions.");
    }
    Coordinate[] coordinates = new Coordinate[positions.size()];
    for (int i = 0; i < positions.size(); i++) {
      coordinates[i] = position(positions.get(i));
    }
    return coordinates;
  }

  private static Coordinate position(JsonNode position) {
    if (!position.isArray()
        || position.size() < 2
        || !position.get(0).isNumber()
        || !position.get(1).isNumber()) {
      throw new IllegalArgumentException(
          "a position must be [longitude, latitude] numbers, not " + position + ".");
    }
    double lon = position.get(0).asDouble();
    double lat = position.get(1).asDouble();
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new IllegalArgumentException(
          "position "
              + position
              + " is out of range: GeoJSON is [longitude, latitude] in WGS 84"
              + " degrees (were they swapped, or is the file projected?).");
    }
    return new Coordinate(lon, lat);
  }

  private static void checkValid(Geometry geometry) {
    if (geometry instanceof Polygonal) {
      TopologyValidationError error = new IsValidOp(geometry).getValidationError();
      if (error != null) {
        throw new IllegalArgumentException(
            "invalid geometry: " + error.getMessage() + " at " + error.getCoordinate() + ".");
      }
    }
  }
}
