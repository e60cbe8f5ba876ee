package org.polity.jakarta.cartography;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.locationtech.jts.geom.Envelope;
import org.polity.jakarta.problem.InvalidInputException;

/** Parses the query parameters of OGC API – Features items requests; bad values answer 400. */
final class OgcParameters {

  /** A date interval; null ends are open. */
  record Interval(LocalDate from, LocalDate to) {}

  private OgcParameters() {}

  static int limit(String text, int fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit < 1) {
        throw InvalidInputException.of(
            "limit", "'" + text + "' is below 1: give a page size of 1 or more.");
      }
      return limit;
    } catch (NumberFormatException e) {
      // a huge number is still a limit: clamp it rather than refuse it
      if (text.strip().matches("\\d+")) {
        return Integer.MAX_VALUE;
      }
      throw InvalidInputException.of(
          "limit", "'" + text + "' is not a whole number: give a page size such as 100.");
    }
  }

  static int offset(String text) {
    if (text == null) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(text.strip());
      if (offset < 0) {
        throw InvalidInputException.of("offset", "'" + text + "' is negative: give 0 or more.");
      }
      return offset;
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(
          "offset", "'" + text + "' is not a whole number: follow the next link.");
    }
  }

  static Envelope bbox(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(",");
    if (parts.length != 4 && parts.length != 6) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' has "
              + parts.length
              + " numbers: give"
              + " minLon,minLat,maxLon,maxLat (WGS 84).");
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw InvalidInputException.of(
            "bbox", "'" + parts[i] + "' is not a number: give" + " minLon,minLat,maxLon,maxLat.");
      }
    }
    double minLon = v[0];
    double minLat = v[1];
    double maxLon = parts.length == 4 ? v[2] : v[3];
    double maxLat = parts.length == 4 ? v[3] : v[4];
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLat > maxLat) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' is not a WGS 84 box: longitudes in"
              + " [-180, 180], latitudes in [-90, 90], minLat <= maxLat.");
    }
    if (minLon > maxLon) {
      throw InvalidInputException.of(
          "bbox",
          "'"
              + text
              + "' crosses the antimeridian, which this"
              + " service does not support: ask for the two halves.");
    }
    return new Envelope(minLon, maxLon, minLat, maxLat);
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
      throw InvalidInputException.of(
          "datetime", "'" + text + "' is not an instant or an interval start/end.");
    }
    LocalDate from = open(parts[0]) ? null : day(parts[0], text);
    LocalDate to = open(parts[1]) ? null : day(parts[1], text);
    if (from != null && to != null && to.isBefore(from)) {
      throw InvalidInputException.of(
          "datetime", "'" + text + "' ends before it starts: swap the ends.");
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
      throw InvalidInputException.of(
          "datetime",
          "'"
              + whole
              + "' is not RFC 3339: give an instant"
              + " such as 2026-05-01T00:00:00Z, a date such as 2026-05-01, or an interval start/end with"
              + " .. for an open end.");
    }
  }
}
