package org.polity.geo;

import java.util.Optional;

/**
 * GeoJSON that cannot be read as asked: malformed JSON, a member of the wrong type, a coordinate
 * out of range, or an invalid geometry (a self-intersecting ring, an unclosed ring). The message
 * names the source, the feature (index, and id when known) and the reason; nothing was read.
 */
public final class InvalidGeoJsonException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The source (file name) read. */
  private final String source;

  /** The feature's zero-based index, or -1 for a problem outside features. */
  private final int featureIndex;

  /** The feature's id, or null when unknown. */
  private final String featureId;

  /** The reason, without source or feature. */
  private final String reason;

  /**
   * @param source the source read, e.g. a file name
   * @param featureIndex the zero-based feature index, or -1
   * @param featureId the feature's id, or null
   * @param reason what is wrong and, when possible, how to fix it
   */
  public InvalidGeoJsonException(String source, int featureIndex, String featureId, String reason) {
    super(
        source
            + (featureIndex < 0 ? "" : ", feature #" + featureIndex)
            + (featureId == null ? "" : " (id " + featureId + ")")
            + ": "
            + reason);
    this.source = source;
    this.featureIndex = featureIndex;
    this.featureId = featureId;
    this.reason = reason;
  }

  /**
   * @return the source read
   */
  public String source() {
    return source;
  }

  /**
   * @return the zero-based index of the faulty feature, or -1 for a problem outside features
   */
  public int featureIndex() {
    return featureIndex;
  }

  /**
   * @return the faulty feature's id, when known
   */
  public Optional<String> featureId() {
    return Optional.ofNullable(featureId);
  }

  /**
   * @return the reason, without source or feature
   */
  public String reason() {
    return reason;
  }
}
