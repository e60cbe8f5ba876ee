package org.polity.jakarta.assembly;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.jakarta.problem.Problem.FieldError;

/**
 * The JSON of a pool: the declaration staff send and read back ({@code {"features": [{"name":
 * "gender", "label": {"fr": ..., "nl": ..., "en": ...}, "values": [{"id": "female", "label":
 * {...}}, ...]}, ...]}}), the answers of a registration ({@code {"features": {"gender":
 * "female"}}}), a registration as staff see it, and the people file of {@code polity sortition}
 * (CSV: {@code id}, one column per feature, {@code channel}, {@code encoded_by}).
 */
public final class PoolJson {

  private static final Texts TEXTS = Texts.of(PoolJson.class);

  private PoolJson() {}

  /**
   * Reads a declaration.
   *
   * @param body the request body
   * @return the declaration
   * @throws InvalidInputException naming every bad member and what is expected
   */
  public static PoolDeclaration declaration(JsonObject body) {
    if (body == null || !(body.get("features") instanceof JsonArray list)) {
      throw InvalidInputException.of("features", TEXTS.text("pool.field.features"));
    }
    List<FieldError> errors = new ArrayList<>();
    List<PoolDeclaration.Feature> features = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "features[" + i + "]";
      if (!(list.get(i) instanceof JsonObject json)) {
        errors.add(new FieldError(path, TEXTS.text("pool.field.feature")));
        continue;
      }
      try {
        features.add(feature(json, path));
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      } catch (InvalidValueException e) {
        errors.add(e.error());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(path, e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    try {
      return new PoolDeclaration(features);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("features", e.getMessage());
    }
  }

  private static PoolDeclaration.Feature feature(JsonObject json, String path) {
    String name = json.get("name") instanceof JsonString s ? s.getString() : null;
    LocalizedText label = ValueJson.text(json.get("label"), path + ".label", ValueJson.MAX_TITLE);
    if (!(json.get("values") instanceof JsonArray list)) {
      throw InvalidInputException.of(path + ".values", TEXTS.text("pool.field.values"));
    }
    List<PoolDeclaration.Value> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + ".values[" + i + "]";
      if (!(list.get(i) instanceof JsonObject value)
          || !(value.get("id") instanceof JsonString id)) {
        throw InvalidInputException.of(at, TEXTS.text("pool.field.value"));
      }
      try {
        values.add(
            new PoolDeclaration.Value(
                id.getString(), ValueJson.text(value.get("label"), at + ".label", 200)));
      } catch (InvalidValueException e) {
        throw new InvalidInputException(List.of(e.error()));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of(at + ".id", e.getMessage());
      }
    }
    return new PoolDeclaration.Feature(name, label, values);
  }

  /**
   * A declaration as JSON (what {@link #declaration(JsonObject)} reads).
   *
   * @param declaration the declaration
   * @return the JSON
   */
  public static JsonObject json(PoolDeclaration declaration) {
    JsonArrayBuilder features = Jsonp.JSON.createArrayBuilder();
    for (PoolDeclaration.Feature feature : declaration.features()) {
      JsonArrayBuilder values = Jsonp.JSON.createArrayBuilder();
      for (PoolDeclaration.Value value : feature.values()) {
        values.add(
            Jsonp.JSON
                .createObjectBuilder()
                .add("id", value.id())
                .add("label", ValueJson.json(value.label())));
      }
      features.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("name", feature.name())
              .add("label", ValueJson.json(feature.label()))
              .add("values", values));
    }
    return Jsonp.JSON.createObjectBuilder().add("features", features).build();
  }

  /**
   * Reads the answers of a registration: {@code {"features": {"gender": "female", ...}}}.
   *
   * @param body the request body
   * @return the answers, by feature name (checked against the declaration by {@link PoolService})
   * @throws InvalidInputException when the body is not such an object
   */
  public static Map<String, String> answers(JsonObject body) {
    if (body == null || !(body.get("features") instanceof JsonObject features)) {
      throw InvalidInputException.of("features", TEXTS.text("pool.field.answers"));
    }
    Map<String, String> answers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> answer : features.entrySet()) {
      if (!(answer.getValue() instanceof JsonString value)) {
        throw InvalidInputException.of(
            "features." + answer.getKey(), TEXTS.text("pool.field.answer"));
      }
      answers.put(answer.getKey(), value.getString());
    }
    return answers;
  }

  /**
   * A registration as JSON.
   *
   * @param registration the registration
   * @return {@code {"respondentId": ..., "features": {...}, "channel": "online"|"desk",
   *     "encodedBy": ..., "registeredAt": ...}}
   */
  public static JsonObject json(PoolRegistration registration) {
    JsonObjectBuilder features = Jsonp.JSON.createObjectBuilder();
    registration.features().forEach(features::add);
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("respondentId", registration.respondentId())
            .add("features", features)
            .add("channel", registration.channel().code())
            .add("registeredAt", registration.registeredAt().toString());
    registration.encodedBy().ifPresent(by -> json.add("encodedBy", by));
    return json.build();
  }

  /**
   * Writes the people file of {@code polity sortition} (read by {@link
   * org.polity.sortition.SortitionCsv#readPeople} with the id column {@code id}): a header, then
   * one row per registration, RFC 4180, UTF-8.
   *
   * @param declaration the pool's features (the columns, in order)
   * @param registrations the registrations
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void writePeople(
      PoolDeclaration declaration, List<PoolRegistration> registrations, OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    List<String> header = new ArrayList<>();
    header.add("id");
    header.addAll(declaration.names());
    header.add("channel");
    header.add("encoded_by");
    row(writer, header);
    for (PoolRegistration registration : registrations) {
      List<String> cells = new ArrayList<>();
      cells.add(registration.respondentId());
      for (String name : declaration.names()) {
        cells.add(registration.features().getOrDefault(name, ""));
      }
      cells.add(registration.channel().code());
      cells.add(registration.encodedBy().orElse(""));
      row(writer, cells);
    }
    writer.flush();
  }

  private static void row(Writer writer, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      String cell = cells.get(i);
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
        writer.write('"' + cell.replace("\"", "\"\"") + '"');
      } else {
        writer.write(cell);
      }
    }
    writer.write("\r\n");
  }
}
