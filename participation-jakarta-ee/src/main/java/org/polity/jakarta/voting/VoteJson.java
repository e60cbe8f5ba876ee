package org.polity.jakarta.voting;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.polity.common.BudgetId;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.voting.VoteSettings;

/**
 * The JSON form of {@link VoteSettings}: {@code {"opensAt": "2026-05-01T08:00:00Z", "closesAt":
 * ..., "deskEncodingUntil": ... (optional), "changesAllowed": true, "secondEncoderRequired":
 * false}}. Strict, like {@link BallotJson}.
 */
public final class VoteJson {

  private static final Set<String> FIELDS =
      Set.of("opensAt", "closesAt", "deskEncodingUntil", "changesAllowed", "secondEncoderRequired");

  private VoteJson() {}

  /**
   * Reads vote settings sent by a client.
   *
   * @param budget the budget (from the address)
   * @param json the body; may be null
   * @return the settings
   * @throws InvalidInputException naming every offending field
   */
  public static VoteSettings fromJson(BudgetId budget, JsonObject json) {
    if (json == null) {
      throw InvalidInputException.of("body", "Send the vote's settings as a JSON object.");
    }
    List<FieldError> errors = new ArrayList<>();
    json.keySet().stream()
        .filter(k -> !FIELDS.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    new FieldError(
                        k,
                        "Unknown field: use "
                            + String.join(", ", FIELDS.stream().sorted().toList())
                            + ".")));
    Instant opens = instant(json, "opensAt", true, errors);
    Instant closes = instant(json, "closesAt", true, errors);
    Instant desk = instant(json, "deskEncodingUntil", false, errors);
    boolean changes = bool(json, "changesAllowed", errors);
    boolean second = bool(json, "secondEncoderRequired", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    try {
      return new VoteSettings(budget, opens, closes, desk == null ? closes : desk, changes, second);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          desk != null && e.getMessage().contains("Desk") ? "deskEncodingUntil" : "closesAt",
          e.getMessage());
    }
  }

  /**
   * Writes vote settings.
   *
   * @param settings the settings
   * @return the JSON object
   */
  public static JsonObject toJson(VoteSettings settings) {
    JsonObjectBuilder json =
        BallotJson.PROVIDER
            .createObjectBuilder()
            .add("budgetId", settings.budget().value())
            .add("opensAt", settings.opensAt().toString())
            .add("closesAt", settings.closesAt().toString())
            .add("deskEncodingUntil", settings.deskEncodingUntil().toString())
            .add("changesAllowed", settings.changesAllowed())
            .add("secondEncoderRequired", settings.secondEncoderRequired());
    return json.build();
  }

  private static Instant instant(
      JsonObject json, String field, boolean required, List<FieldError> errors) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, "Missing: give an instant such as 2026-05-01T08:00:00Z."));
      }
      return null;
    }
    if (!(value instanceof JsonString text)) {
      errors.add(
          new FieldError(
              field, "Expected an ISO-8601 instant string, such as 2026-05-01T08:00:00Z."));
      return null;
    }
    try {
      return Instant.parse(text.getString());
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(
              field,
              "'"
                  + text.getString()
                  + "' is not an ISO-8601 instant such as 2026-05-01T08:00:00Z."));
      return null;
    }
  }

  private static boolean bool(JsonObject json, String field, List<FieldError> errors) {
    JsonValue value = json.get(field);
    if (value == null) {
      return false;
    }
    if (value == JsonValue.TRUE
        || value == JsonValue.FALSE
        || value.getValueType() == JsonValue.ValueType.TRUE
        || value.getValueType() == JsonValue.ValueType.FALSE) {
      return value.getValueType() == JsonValue.ValueType.TRUE;
    }
    errors.add(new FieldError(field, "Expected true or false."));
    return false;
  }
}
