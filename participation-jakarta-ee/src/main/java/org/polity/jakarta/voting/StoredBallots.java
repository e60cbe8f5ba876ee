package org.polity.jakarta.voting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * The stored form of a ballot's contents ({@code polity_ballot.contents} and {@code
 * polity_pending_encoding.contents}, with its version in {@code contents_format}): the storage
 * codec, apart from the REST API's {@link BallotJson}, so that either can change without the other.
 * A new version gets a new {@link #FORMAT} number; readers keep reading every older one.
 *
 * <p>Version 1, written now, is the JSON of the API's first version:
 *
 * <pre>
 * {"kind":"approval","projects":["p1","p2"]}     {"kind":"cardinal","scores":{"p1":3}}
 * {"kind":"cumulative","points":{"p1":2}}        {"kind":"ordinal","ranking":["p2","p1"]}
 * </pre>
 *
 * The results' streaming decoder ({@code org.polity.jakarta.results.BallotDecoder}) reads the same
 * version on its hot path.
 */
public final class StoredBallots {

  /** The version written now. */
  public static final int FORMAT = 1;

  private static final JsonFactory JSON = new JsonFactory();

  private StoredBallots() {}

  /**
   * The stored contents of a ballot, in version {@link #FORMAT}.
   *
   * @param ballot the ballot
   * @return the text to store
   */
  public static String write(Ballot ballot) {
    StringWriter text = new StringWriter(64);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("kind", BallotJson.kind(ballot));
      if (ballot instanceof Ballot.Approval a) {
        ids(json, "projects", a.projects());
      } else if (ballot instanceof Ballot.Ordinal o) {
        ids(json, "ranking", o.ranking());
      } else if (ballot instanceof Ballot.Cardinal c) {
        numbers(json, "scores", c.scores());
      } else if (ballot instanceof Ballot.Cumulative c) {
        numbers(json, "points", c.points());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * Reads stored contents.
   *
   * @param format the version they were written in ({@code contents_format})
   * @param contents the stored text
   * @return the ballot
   * @throws IllegalStateException for a version this code does not read (a database written by a
   *     newer Polity) or contents that are not of their version, naming both
   */
  public static Ballot read(int format, String contents) {
    if (format != 1) {
      throw new IllegalStateException(
          "A stored ballot is in format "
              + format
              + ", which this Polity does not read (it reads 1 to "
              + FORMAT
              + "): run the Polity version that wrote it, or a newer one.");
    }
    try (JsonParser json = JSON.createParser(contents)) {
      expect(json.nextToken(), JsonToken.START_OBJECT, contents);
      String kind = null;
      List<ProjectId> ids = new ArrayList<>();
      Map<ProjectId, Integer> numbers = new LinkedHashMap<>();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("kind")) {
          kind = json.getText();
        } else if (value == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.VALUE_STRING) {
            ids.add(ProjectId.of(json.getText()));
          }
        } else if (value == JsonToken.START_OBJECT) {
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            ProjectId id = ProjectId.of(json.currentName());
            json.nextToken();
            numbers.put(id, json.getIntValue());
          }
        }
      }
      if (kind == null) {
        throw new IllegalStateException("A stored ballot has no kind: " + contents);
      }
      return switch (kind) {
        case "approval" -> new Ballot.Approval(new LinkedHashSet<>(ids));
        case "ordinal" -> new Ballot.Ordinal(ids);
        case "cardinal" -> new Ballot.Cardinal(numbers);
        case "cumulative" -> new Ballot.Cumulative(numbers);
        default ->
            throw new IllegalStateException(
                "A stored ballot has the unknown kind '" + kind + "': " + contents);
      };
    } catch (IOException e) {
      throw new IllegalStateException("A stored ballot is not JSON of format 1: " + contents, e);
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String contents) {
    if (actual != expected) {
      throw new IllegalStateException("A stored ballot is not a JSON object: " + contents);
    }
  }

  private static void ids(JsonGenerator json, String field, Iterable<ProjectId> ids)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (ProjectId id : ids) {
      json.writeString(id.value());
    }
    json.writeEndArray();
  }

  private static void numbers(JsonGenerator json, String field, Map<ProjectId, Integer> numbers)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<ProjectId, Integer> e : numbers.entrySet()) {
      json.writeNumberField(e.getKey().value(), e.getValue());
    }
    json.writeEndObject();
  }
}
