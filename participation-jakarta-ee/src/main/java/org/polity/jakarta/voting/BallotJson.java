package org.polity.jakarta.voting;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;

/**
 * The JSON form of a {@link Ballot} in the REST API (the database has its own codec, {@link
 * StoredBallots}). Strict: an unknown field, a wrong type, a blank project or a negative number is
 * refused with the offending field named.
 *
 * <pre>
 * {"kind": "approval",   "projects": ["p1", "p2"]}
 * {"kind": "cardinal",   "scores":   {"p1": 3, "p2": 1}}
 * {"kind": "cumulative", "points":   {"p1": 2, "p2": 3}}
 * {"kind": "ordinal",    "ranking":  ["p2", "p1"]}
 * </pre>
 */
public final class BallotJson {

  /**
   * The JSON-P provider, looked up once. The static factories of {@code jakarta.json.Json} look the
   * provider up through {@code ServiceLoader} on every call, which reads every jar of the class
   * path and serialises concurrent requests on the jars' locks: on the vote-intake path that was
   * the largest single cost. Use this provider's factories instead.
   */
  public static final JsonProvider PROVIDER = org.polity.jakarta.http.Jsonp.JSON;

  private static final Texts TEXTS = Texts.of(BallotJson.class);

  /** The largest number of projects a ballot may name (far above any real ballot form). */
  public static final int MAX_PROJECTS = 1000;

  private static final Map<String, String> FIELD_OF_KIND =
      Map.of(
          "approval",
          "projects",
          "cardinal",
          "scores",
          "cumulative",
          "points",
          "ordinal",
          "ranking");

  private BallotJson() {}

  /**
   * The kind name of a ballot.
   *
   * @param ballot the ballot
   * @return approval, cardinal, cumulative or ordinal
   */
  public static String kind(Ballot ballot) {
    if (ballot instanceof Ballot.Approval) {
      return "approval";
    } else if (ballot instanceof Ballot.Cardinal) {
      return "cardinal";
    } else if (ballot instanceof Ballot.Cumulative) {
      return "cumulative";
    } else if (ballot instanceof Ballot.Ordinal) {
      return "ordinal";
    }
    throw new IllegalArgumentException("Unknown ballot kind: " + ballot.getClass().getName());
  }

  /**
   * Writes a ballot.
   *
   * @param ballot the ballot
   * @return its JSON object
   */
  public static JsonObject toJson(Ballot ballot) {
    JsonObjectBuilder json = PROVIDER.createObjectBuilder().add("kind", kind(ballot));
    if (ballot instanceof Ballot.Approval a) {
      json.add("projects", array(a.projects()));
    } else if (ballot instanceof Ballot.Cardinal c) {
      json.add("scores", object(c.scores()));
    } else if (ballot instanceof Ballot.Cumulative c) {
      json.add("points", object(c.points()));
    } else if (ballot instanceof Ballot.Ordinal o) {
      json.add("ranking", array(o.ranking()));
    }
    return json.build();
  }

  /**
   * Reads a ballot stored by {@link #toJson(Ballot)}.
   *
   * @param text the JSON text
   * @return the ballot
   */
  public static Ballot parse(String text) {
    try (var reader = PROVIDER.createReader(new StringReader(text))) {
      return fromJson(reader.readObject());
    }
  }

  /**
   * Reads a ballot sent by a client.
   *
   * @param json the JSON object; may be null (a missing body)
   * @return the ballot
   * @throws InvalidInputException naming every offending field
   */
  public static Ballot fromJson(JsonObject json) {
    if (json == null) {
      throw InvalidInputException.of("body", TEXTS.text("ballot.field.body"));
    }
    List<FieldError> errors = new ArrayList<>();
    JsonValue kindValue = json.get("kind");
    if (!(kindValue instanceof JsonString kindString)
        || !FIELD_OF_KIND.containsKey(kindString.getString())) {
      throw InvalidInputException.of("kind", TEXTS.text("ballot.field.kind"));
    }
    String kind = kindString.getString();
    String field = FIELD_OF_KIND.get(kind);
    for (String name : json.keySet()) {
      if (!name.equals("kind") && !name.equals(field)) {
        errors.add(new FieldError(name, TEXTS.text("ballot.field.unknown", kind, field)));
      }
    }
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      errors.add(new FieldError(field, TEXTS.text("ballot.field.missing", kind, field)));
      throw new InvalidInputException(errors);
    }
    Ballot ballot =
        switch (kind) {
          case "approval" -> {
            List<ProjectId> ids = projectList(field, value, errors);
            Set<ProjectId> set = new LinkedHashSet<>();
            for (int i = 0; i < ids.size(); i++) {
              if (ids.get(i) != null && !set.add(ids.get(i))) {
                errors.add(
                    new FieldError(
                        field + "[" + i + "]",
                        TEXTS.text("ballot.field.approved-twice", ids.get(i).value())));
              }
            }
            yield errors.isEmpty() ? new Ballot.Approval(set) : null;
          }
          case "ordinal" -> {
            List<ProjectId> ids = projectList(field, value, errors);
            Set<ProjectId> seen = new LinkedHashSet<>();
            for (int i = 0; i < ids.size(); i++) {
              if (ids.get(i) != null && !seen.add(ids.get(i))) {
                errors.add(
                    new FieldError(
                        field + "[" + i + "]",
                        TEXTS.text("ballot.field.ranked-twice", ids.get(i).value())));
              }
            }
            yield errors.isEmpty() ? new Ballot.Ordinal(ids) : null;
          }
          case "cardinal" -> {
            Map<ProjectId, Integer> scores = numberMap(field, value, errors);
            yield errors.isEmpty() ? new Ballot.Cardinal(scores) : null;
          }
          default -> {
            Map<ProjectId, Integer> points = numberMap(field, value, errors);
            yield errors.isEmpty() ? new Ballot.Cumulative(points) : null;
          }
        };
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return ballot;
  }

  private static List<ProjectId> projectList(
      String field, JsonValue value, List<FieldError> errors) {
    if (!(value instanceof JsonArray array)) {
      errors.add(new FieldError(field, TEXTS.text("ballot.field.list")));
      return List.of();
    }
    if (array.size() > MAX_PROJECTS) {
      errors.add(
          new FieldError(
              field,
              TEXTS.text(
                  "ballot.field.too-many",
                  String.valueOf(array.size()),
                  String.valueOf(MAX_PROJECTS))));
      return List.of();
    }
    List<ProjectId> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      ids.add(projectId(field + "[" + i + "]", array.get(i), errors));
    }
    return ids;
  }

  private static Map<ProjectId, Integer> numberMap(
      String field, JsonValue value, List<FieldError> errors) {
    if (!(value instanceof JsonObject object)) {
      errors.add(new FieldError(field, TEXTS.text("ballot.field.numbers")));
      return Map.of();
    }
    if (object.size() > MAX_PROJECTS) {
      errors.add(
          new FieldError(
              field,
              TEXTS.text(
                  "ballot.field.too-many",
                  String.valueOf(object.size()),
                  String.valueOf(MAX_PROJECTS))));
      return Map.of();
    }
    Map<ProjectId, Integer> numbers = new LinkedHashMap<>();
    object.forEach(
        (name, number) -> {
          String where = field + "." + name;
          if (name.isBlank()) {
            errors.add(new FieldError(where, TEXTS.text("ballot.field.blank-id")));
          } else if (!(number instanceof JsonNumber n) || !n.isIntegral()) {
            errors.add(new FieldError(where, TEXTS.text("ballot.field.whole")));
          } else if (n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().bitLength() > 31) {
            errors.add(
                new FieldError(
                    where, TEXTS.text("ballot.field.range", String.valueOf(Integer.MAX_VALUE))));
          } else {
            numbers.put(ProjectId.of(name), n.intValue());
          }
        });
    return numbers;
  }

  private static ProjectId projectId(String where, JsonValue value, List<FieldError> errors) {
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      errors.add(new FieldError(where, TEXTS.text("ballot.field.id")));
      return null;
    }
    return ProjectId.of(s.getString());
  }

  private static JsonArrayBuilder array(Iterable<ProjectId> ids) {
    JsonArrayBuilder array = PROVIDER.createArrayBuilder();
    ids.forEach(id -> array.add(id.value()));
    return array;
  }

  private static JsonObjectBuilder object(Map<ProjectId, Integer> numbers) {
    JsonObjectBuilder object = PROVIDER.createObjectBuilder();
    numbers.forEach((id, n) -> object.add(id.value(), n));
    return object;
  }
}
