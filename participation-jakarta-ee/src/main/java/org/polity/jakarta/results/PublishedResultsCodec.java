package org.polity.jakarta.results;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import org.polity.jakarta.http.Jsonp;

/**
 * The storage format of published results (column {@code document} of {@code
 * polity_published_results}), kept apart from the REST format ({@link ResultsJson#view}): what was
 * proclaimed is stored once and must read the same forever, whatever the API becomes.
 *
 * <p>A stored document is the language-neutral document of the count ({@link ResultsJson#document},
 * every text in French, Dutch and English) with a {@code schemaVersion} member. Version 1 is the
 * layout the first release stored, without {@code schemaVersion}: a document without it reads as
 * version 1. A later layout gets a new version and an upgrade in {@link #read}; the REST view can
 * change without a data migration.
 */
public final class PublishedResultsCodec {

  /** The member that names the layout of a stored document. */
  public static final String SCHEMA_VERSION = "schemaVersion";

  /** The layout written today. */
  public static final int CURRENT_VERSION = 1;

  private PublishedResultsCodec() {}

  /**
   * The stored form of a language-neutral document.
   *
   * @param document a {@linkplain ResultsJson#document document} with {@code publishedAt}
   * @return the text to store
   */
  public static String write(JsonObject document) {
    JsonObjectBuilder stored =
        Jsonp.JSON.createObjectBuilder().add(SCHEMA_VERSION, CURRENT_VERSION);
    for (Map.Entry<String, JsonValue> member : document.entrySet()) {
      if (!SCHEMA_VERSION.equals(member.getKey())) {
        stored.add(member.getKey(), member.getValue());
      }
    }
    return stored.build().toString();
  }

  /**
   * A stored document read back as the language-neutral document of today ({@link
   * ResultsJson#document}), whatever version stored it.
   *
   * @param stored the stored text
   * @return the document, without {@code schemaVersion}
   * @throws IllegalStateException for a version this release does not know (stored by a newer
   *     release)
   */
  public static JsonObject read(String stored) {
    JsonObject document;
    try (var reader = Jsonp.JSON.createReader(new StringReader(stored))) {
      document = reader.readObject();
    }
    int version = version(document);
    if (version != 1) {
      throw new IllegalStateException(
          "Published results of budget "
              + document.getString("budgetId", "?")
              + " were stored with schema version "
              + version
              + ", which this release does not read (it reads 1 to "
              + CURRENT_VERSION
              + "): run the release that stored them, or a newer one.");
    }
    JsonObjectBuilder current = Jsonp.JSON.createObjectBuilder(document);
    current.remove(SCHEMA_VERSION);
    return current.build();
  }

  /**
   * The schema version of a stored document: its {@code schemaVersion}, 1 when absent.
   *
   * @param stored the stored document
   * @return the version
   */
  public static int version(JsonObject stored) {
    return stored.get(SCHEMA_VERSION) instanceof JsonNumber number ? number.intValueExact() : 1;
  }
}
