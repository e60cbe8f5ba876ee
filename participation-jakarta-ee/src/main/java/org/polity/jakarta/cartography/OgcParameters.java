package org.polity.jakarta.cartography;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.polity.geo.BoundingBox;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem;

/** Parses the query parameters of OGC API – Features items requests; bad values answer 400. */
final class OgcParameters {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(OgcParameters.class);

  /** A date interval; null ends are open. */
  record Interval(LocalDate from, LocalDate to) {}

  private OgcParameters() {}

  /**
   * Refuses query parameters an endpoint does not take, and a format ({@code f}) it does not serve.
   *
   * @param parameters the request's query parameters
   * @param allowed the names the endpoint takes
   * @param htmlServed whether the endpoint answers HTML
   * @throws InvalidInputException 400 naming each bad parameter
   */
  static void check(
      jakarta.ws.rs.core.MultivaluedMap<String, String> parameters,
      java.util.Set<String> allowed,
      boolean htmlServed) {
    java.util.List<Problem.FieldError> errors = unknown(parameters.keySet(), allowed);
    String format = parameters.getFirst("f");
    java.util.Set<String> formats =
        htmlServed
            ? java.util.Set.of("json", "geojson", "html")
            : java.util.Set.of("json", "geojson");
    if (format != null && !formats.contains(format.toLowerCase(java.util.Locale.ROOT))) {
      errors.add(
          new Problem.FieldError(
              "f", TEXTS.text(htmlServed ? "ogc.field.f.html" : "ogc.field.f", format)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /**
   * Whether to answer HTML: {@code f=html}, or no {@code f} and an {@code Accept} whose most
   * preferred explicit type is {@code text/html} (as browsers send); JSON otherwise.
   *
   * @param format the {@code f} parameter, or null
   * @param acceptable the request's acceptable media types, preferred first
   * @return whether to answer HTML
   */
  static boolean wantsHtml(String format, java.util.List<jakarta.ws.rs.core.MediaType> acceptable) {
    if (format != null) {
      return format.equalsIgnoreCase("html");
    }
    for (jakarta.ws.rs.core.MediaType type : acceptable) {
      if (type.isWildcardType()) {
        return false;
      }
      if (!type.isWildcardSubtype()
          && type.isCompatible(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE)) {
        return true;
      }
      if (type.getSubtype().endsWith("json")) {
        return false;
      }
    }
    return false;
  }

  /**
   * Refuses query parameters an endpoint does not take.
   *
   * @param given the names of the parameters sent
   * @param known the names the endpoint takes
   * @throws InvalidInputException 400 naming each unknown one
   */
  static void onlyKnown(java.util.Collection<String> given, java.util.Set<String> known) {
    java.util.List<Problem.FieldError> errors = unknown(given, known);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** One error per unknown parameter. */
  static java.util.List<Problem.FieldError> unknown(
      java.util.Collection<String> given, java.util.Set<String> known) {
    java.util.List<Problem.FieldError> errors = new java.util.ArrayList<>();
    for (String name : given) {
      if (!known.contains(name)) {
        errors.add(
            new Problem.FieldError(
                name,
                TEXTS.text(
                    "ogc.field.unknown", String.join(", ", new java.util.TreeSet<>(known)))));
      }
    }
    return errors;
  }

  /**
   * A point {@code lon,lat}, with the unknown parameters reported together.
   *
   * @param text the parameter, or null
   * @param errors errors found so far (the unknown parameters), reported with the point's
   * @return the point
   * @throws InvalidInputException 400 when the point or another parameter is bad
   */
  static org.polity.geo.GeoPoint point(String text, java.util.List<Problem.FieldError> errors) {
    java.util.List<Problem.FieldError> all = new java.util.ArrayList<>(errors);
    org.polity.geo.GeoPoint origin = null;
    try {
      String[] parts = text == null ? new String[0] : text.split(",");
      if (parts.length != 2) {
        throw new NumberFormatException("not two numbers");
      }
      origin =
          org.polity.geo.GeoPoint.of(
              Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
    } catch (IllegalArgumentException e) {
      all.add(
          new Problem.FieldError(
              "point",
              TEXTS.text(
                  e instanceof NumberFormatException
                      ? "ogc.field.point"
                      : "ogc.field.point.range")));
    }
    if (!all.isEmpty()) {
      throw new InvalidInputException(all);
    }
    return origin;
  }

  /**
   * The version in an optional {@code If-Match}.
   *
   * @param header the header, or null
   * @param thing what is changed, for the message
   * @return the version, or null when none was sent
   */
  static Long optionalIfMatch(String header, String thing) {
    return header == null || header.isBlank()
        ? null
        : org.polity.jakarta.http.ETags.ifMatch(header, thing);
  }

  static int limit(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit < 1) {
        throw InvalidInputException.of("limit", TEXTS.text("ogc.field.limit.below", text));
      }
      return limit;
    } catch (NumberFormatException e) {
      // a huge number is still a limit: clamp it rather than refuse it
      if (text.strip().matches("\\d+")) {
        return Integer.MAX_VALUE;
      }
      throw InvalidInputException.of("limit", TEXTS.text("ogc.field.limit", text));
    }
  }

  static int offset(String text) {
    if (text == null) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(text.strip());
      if (offset < 0) {
        throw InvalidInputException.of("offset", TEXTS.text("ogc.field.offset.negative", text));
      }
      return offset;
    } catch (NumberFormatException e) {
      throw InvalidInputException.of("offset", TEXTS.text("ogc.field.offset", text));
    }
  }

  /**
   * The {@code bbox} parameter (OGC API – Features, /req/core/fc-bbox-definition): four numbers
   * {@code minLon,minLat,maxLon,maxLat}, or six {@code minLon,minLat,minHeight,maxLon,maxLat,
   * maxHeight} whose heights the 2-D data of the map ignores, in WGS 84 (CRS84). A {@code minLon}
   * larger than {@code maxLon} is a box across the antimeridian (from {@code minLon} east to {@code
   * maxLon}), served as two boxes.
   *
   * @param text the parameter, or null
   * @return the box, or null when none was given
   * @throws InvalidInputException 400 for another count of numbers, a value that is not a finite
   *     number, a coordinate out of range, or a minimum above its maximum (latitude or height)
   */
  static BoundingBox bbox(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' has "
              + parts.length
              + " numbers: give 4, minLon,minLat,maxLon,maxLat (WGS 84), or 6 with the heights,"
              + " minLon,minLat,minHeight,maxLon,maxLat,maxHeight.");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        v[i] = Double.NaN;
      }
      if (!Double.isFinite(v[i])) {
        throw InvalidInputException.of(
            "bbox",
            "'"
                + parts[i]
                + "' is not a number: give minLon,minLat,maxLon,maxLat, such as"
                + " 4.30,50.80,4.36,50.85.");
      }
    }
    boolean heights = parts.length == 6;
    double minLon = v[0];
    double minLat = v[1];
    double maxLon = heights ? v[3] : v[2];
    double maxLat = heights ? v[4] : v[3];
    if (minLon < -180 || minLon > 180 || maxLon < -180 || maxLon > 180) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' has a longitude out of [-180, 180]: give WGS 84 longitudes first, then"
              + " latitudes (a minLon larger than maxLon crosses the antimeridian).");
    }
    if (minLat < -90 || minLat > 90 || maxLat < -90 || maxLat > 90) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' has a latitude out of [-90, 90]: give minLon,minLat,maxLon,maxLat (longitude"
              + " first).");
    }
    if (minLat > maxLat) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' has minLat above maxLat: give the southern latitude second and the northern"
              + " one last.");
    }
    if (heights && v[2] > v[5]) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' has minHeight above maxHeight: give minLon,minLat,minHeight,maxLon,maxLat,"
              + "maxHeight.");
    }
    return BoundingBox.of(minLon, minLat, maxLon, maxLat);
  }

  static Interval datetime(String text) {
    if (text == null || text.isBlank()) {
      return new Interval(null, null);
    }
    String[] parts = text.split("/", -1);
    if (parts.length == 1) {
      LocalDate day = day(parts[0], text);
      return new Interval(day, day);
    }
    if (parts.length != 2) {
      throw InvalidInputException.of("datetime", TEXTS.text("ogc.field.datetime.parts", text));
    }
    LocalDate from = open(parts[0]) ? null : day(parts[0], text);
    LocalDate to = open(parts[1]) ? null : day(parts[1], text);
    if (from != null && to != null && to.isBefore(from)) {
      throw InvalidInputException.of("datetime", TEXTS.text("ogc.field.datetime.order", text));
    }
    return new Interval(from, to);
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  private static LocalDate day(String value, String whole) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value);
      }
      return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("datetime", TEXTS.text("ogc.field.datetime", whole));
    }
  }
}
