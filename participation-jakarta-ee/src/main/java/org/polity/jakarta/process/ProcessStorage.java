package org.polity.jakarta.process;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.process.PhaseMove;

/**
 * The storage codec of processes: how a process's definition and its phase moves are kept in the
 * {@code polity_process} table. This is not the REST format ({@link ProcessViews} writes that): the
 * stored documents carry a {@code schemaVersion}, so that the API can change without a data
 * migration, and the reverse.
 *
 * <ul>
 *   <li><b>Version 2</b> (this release): the definition column holds {@code {"schemaVersion": 2,
 *       "projects": true, "definition": {...}}}, the administrator's definition ({@link
 *       ProcessDocuments}) and whether the process has projects (decided by its kind when it was
 *       declared, {@link org.polity.process.ProcessKind#hasProjects()}); the moves column holds
 *       {@code {"schemaVersion": 2, "moves": [...]}}.
 *   <li><b>Version 1</b> (the previous release, no {@code schemaVersion}): the definition column
 *       holds the definition itself, and every such process has projects, as every process was
 *       loaded as a participatory-budget edition then; the moves column holds the array of moves.
 * </ul>
 *
 * Both versions are read; version 2 is written. Rows are upgraded when next written.
 */
public final class ProcessStorage {

  /** The schema version written by this release. */
  public static final int SCHEMA_VERSION = 2;

  private ProcessStorage() {}

  /**
   * A stored definition, read back.
   *
   * @param schemaVersion the version it was stored in (1 when it carries none)
   * @param definition the administrator's definition document
   * @param projects whether the process has projects
   */
  public record StoredDefinition(int schemaVersion, JsonObject definition, boolean projects) {
    /** Checks the members. */
    public StoredDefinition {
      Objects.requireNonNull(definition, "definition");
    }
  }

  /**
   * The stored form of a definition.
   *
   * @param definition the administrator's definition document
   * @param projects whether the process has projects
   * @return the JSON text to store
   */
  public static String writeDefinition(JsonObject definition, boolean projects) {
    return Jsonp.JSON
        .createObjectBuilder()
        .add("schemaVersion", SCHEMA_VERSION)
        .add("projects", projects)
        .add("definition", definition)
        .build()
        .toString();
  }

  /**
   * Reads a stored definition, of any version.
   *
   * @param stored the stored JSON text
   * @return the definition
   * @throws IllegalStateException for a version this release does not know
   */
  public static StoredDefinition readDefinition(String stored) {
    JsonObject json = parse(stored).asJsonObject();
    int version = version(json, "process definition");
    if (version == 1) {
      return new StoredDefinition(1, json, true);
    }
    return new StoredDefinition(
        version, json.getJsonObject("definition"), json.getBoolean("projects", true));
  }

  /**
   * The stored form of the phase moves.
   *
   * @param moves the moves, oldest first
   * @return the JSON text to store
   */
  public static String writeMoves(List<PhaseMove> moves) {
    JsonArrayBuilder array = Jsonp.JSON.createArrayBuilder();
    for (PhaseMove move : moves) {
      JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
      if (move.from() == null) {
        json.addNull("from");
      } else {
        json.add("from", move.from());
      }
      array.add(
          json.add("to", move.to())
              .add("at", move.at().toString())
              .add("actor", move.actor())
              .add("why", ValueJson.json(move.why()))
              .add("trigger", move.trigger().name()));
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("schemaVersion", SCHEMA_VERSION)
        .add("moves", array)
        .build()
        .toString();
  }

  /**
   * Reads stored phase moves, of any version.
   *
   * @param stored the stored JSON text
   * @return the moves, oldest first
   */
  public static List<PhaseMove> readMoves(String stored) {
    JsonStructure json = parse(stored);
    JsonArray moves;
    if (json instanceof JsonArray array) {
      moves = array; // version 1
    } else {
      version(json.asJsonObject(), "phase moves");
      moves = json.asJsonObject().getJsonArray("moves");
    }
    List<PhaseMove> list = new ArrayList<>();
    for (JsonValue value : moves) {
      JsonObject move = value.asJsonObject();
      list.add(
          new PhaseMove(
              move.isNull("from") ? null : move.getString("from"),
              move.getString("to"),
              Instant.parse(move.getString("at")),
              move.getString("actor"),
              ValueJson.text(move.getJsonObject("why")),
              PhaseMove.Trigger.valueOf(move.getString("trigger"))));
    }
    return list;
  }

  /**
   * The schema version of a stored document: 1 without {@code schemaVersion}.
   *
   * @param json the stored document
   * @param what what it is, for the message
   * @return the version
   * @throws IllegalStateException for a version newer than this release
   */
  public static int version(JsonObject json, String what) {
    if (!(json.get("schemaVersion") instanceof JsonNumber number)) {
      return 1;
    }
    int version = number.intValueExact();
    if (version < 1 || version > SCHEMA_VERSION) {
      throw new IllegalStateException(
          "A stored "
              + what
              + " has schemaVersion "
              + version
              + ", which this release cannot read (it reads 1 to "
              + SCHEMA_VERSION
              + "): run the release that wrote it, or a newer one.");
    }
    return version;
  }

  /**
   * Parses stored JSON text.
   *
   * @param stored the text
   * @return the object or array
   */
  static JsonStructure parse(String stored) {
    try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(stored))) {
      return reader.read();
    }
  }
}
