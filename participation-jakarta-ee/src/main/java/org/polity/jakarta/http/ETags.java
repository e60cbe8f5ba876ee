package org.polity.jakarta.http;

import jakarta.ws.rs.core.EntityTag;
import org.polity.jakarta.problem.ProblemException;

/**
 * Optimistic concurrency for staff edits: a stored row's version is its {@code ETag}, and an update
 * must send it back in {@code If-Match}, so that two people cannot overwrite each other silently.
 */
public final class ETags {

  private ETags() {}

  /**
   * The ETag of a version.
   *
   * @param version the row's version
   * @return the strong entity tag
   */
  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version in a required {@code If-Match}.
   *
   * @param header the header's value, or null
   * @param thing what is edited, for the message ({@code project}, {@code initiative})
   * @return the version the caller read
   * @throws ProblemException 428 without the header; 412 when it is not one of our ETags
   */
  public static long ifMatch(String header, String thing) {
    if (header == null || header.isBlank()) {
      throw ProblemException.of(
          "precondition-required",
          428,
          "Send If-Match with the "
              + thing
              + "'s ETag (read the "
              + thing
              + " first with GET), so that two people cannot overwrite"
              + " each other.");
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    try {
      return Long.parseLong(value.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw ProblemException.of(
          "precondition-failed",
          412,
          "If-Match "
              + header
              + " is not an ETag"
              + " of this "
              + thing
              + ": read it again and send its ETag.");
    }
  }
}
