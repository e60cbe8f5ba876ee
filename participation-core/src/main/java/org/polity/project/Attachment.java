package org.polity.project;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The metadata of a file attached to a project (a photo, a plan, a scanned paper form). The bytes
 * are stored elsewhere, at {@link #uri()}.
 *
 * @param name the file name shown
 * @param mediaType its media type, such as {@code image/jpeg}
 * @param sizeBytes its size in bytes
 * @param uri where it is stored
 */
public record Attachment(String name, String mediaType, long sizeBytes, URI uri) {

  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(;.*)?");

  /** Validates the parts. */
  public Attachment {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("An attachment's name is blank: give its file name.");
    }
    if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
      throw new IllegalArgumentException(
          "The media type '"
              + mediaType
              + "' of attachment '"
              + name
              + "' is not valid: give a"
              + " type such as \"image/jpeg\" or \"application/pdf\".");
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException(
          "The size "
              + sizeBytes
              + " of attachment '"
              + name
              + "' is negative: give its size in bytes.");
    }
    Objects.requireNonNull(uri, () -> "The URI of attachment '" + name + "' is missing.");
  }
}
