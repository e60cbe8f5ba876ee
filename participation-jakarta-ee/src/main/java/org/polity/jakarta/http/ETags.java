package org.polity.jakarta.http;

import jakarta.ws.rs.core.EntityTag;
import org.polity.common.Texts;
import org.polity.jakarta.problem.Refusal;

/**
 * Optimistic concurrency for staff edits: a stored row's version is its {@code ETag}, and an update
 * must send it back in {@code If-Match}, so that two people cannot overwrite each other silently.
 */
public final class ETags {

  private static final Texts TEXTS = Texts.of(ETags.class);

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
   * @throws org.polity.jakarta.problem.RefusedException 428 without the header; 412 when it is not
   *     one of our ETags
   */
  public static long ifMatch(String header, String thing) {
    if (header == null || header.isBlank()) {
      throw Refusal.of(
              Refusal.Kind.PRECONDITION_REQUIRED,
              "precondition-required",
              TEXTS.text("etag.required", thing))
          .toException();
    }
    String value = header.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    try {
      return Long.parseLong(value.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw Refusal.of(
              Refusal.Kind.STALE, "precondition-failed", TEXTS.text("etag.not-ours", header, thing))
          .toException();
    }
  }
}
