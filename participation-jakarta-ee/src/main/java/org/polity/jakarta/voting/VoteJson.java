package org.polity.jakarta.voting;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polity.common.BudgetId;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.voting.VoteChange;
import org.polity.voting.VoteSettings;

/**
 * The JSON form of {@link VoteSettings}: {@code {"opensAt": "2026-05-01T08:00:00Z", "closesAt":
 * ..., "deskEncodingUntil": ... (optional), "changesAllowed": true, "secondEncoderRequired": false,
 * "form": {...} (optional, {@link BallotFormJson})}}. Strict, like {@link BallotJson}: every bad
 * field is reported at once. The vote's view adds its history of {@code changes} (the moves of its
 * close).
 */
public final class VoteJson {

  private static final org.polity.common.Texts TEXTS = org.polity.common.Texts.of(VoteJson.class);

  private static final Set<String> FIELDS =
      Set.of(
          "opensAt",
          "closesAt",
          "deskEncodingUntil",
          "changesAllowed",
          "secondEncoderRequired",
          "form");

  /**
   * A vote declaration as a client sends it.
   *
   * @param settings the settings, without a form
   * @param form the ballot form stated, or {@link BallotFormJson#byDefault()}
   * @param formStated whether the body had a {@code form} member
   */
  public record Declaration(VoteSettings settings, RequestedForm form, boolean formStated) {}

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
    return declaration(budget, json).settings();
  }

  /**
   * Reads a vote declaration: the settings and the ballot form.
   *
   * @param budget the budget (from the address)
   * @param json the body; may be null
   * @return the declaration
   * @throws InvalidInputException naming every offending field, the form's included
   */
  public static Declaration declaration(BudgetId budget, JsonObject json) {
    if (json == null) {
      throw InvalidInputException.of("body", TEXTS.text("vote.field.body"));
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
                        org.polity.jakarta.http.FieldErrors.text(
                            "field.unknown-member",
                            String.join(", ", FIELDS.stream().sorted().toList())))));
    Instant opens = instant(json, "opensAt", true, errors);
    Instant closes = instant(json, "closesAt", true, errors);
    Instant desk = instant(json, "deskEncodingUntil", false, errors);
    boolean changes = bool(json, "changesAllowed", errors);
    boolean second = bool(json, "secondEncoderRequired", errors);
    boolean formStated = json.containsKey("form");
    RequestedForm form =
        formStated ? BallotFormJson.fromJson(json.get("form"), errors) : BallotFormJson.byDefault();
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      errors.add(
          new FieldError("closesAt", TEXTS.text("vote.field.closes-after", opens.toString())));
    } else if (closes != null && desk != null && desk.isBefore(closes)) {
      errors.add(
          new FieldError(
              "deskEncodingUntil", TEXTS.text("vote.field.desk-after", closes.toString())));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Declaration(
        new VoteSettings(budget, opens, closes, desk == null ? closes : desk, changes, second),
        form,
        formStated);
  }

  /**
   * Reads a move of the close: {@code {"reason": "...", "closesAt": ... (optional when closing
   * now), "deskEncodingUntil": ... (optional)}}.
   *
   * @param json the body; may be null
   * @param closesAtRequired whether the new close must be given (an extension)
   * @return the new close (empty: now), the new end of desk encoding (empty: as far after the close
   *     as before) and the reason
   * @throws InvalidInputException naming every offending field
   */
  public static Move move(JsonObject json, boolean closesAtRequired) {
    if (json == null) {
      throw InvalidInputException.of("body", TEXTS.text("vote.field.move-body"));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> fields = Set.of("reason", "closesAt", "deskEncodingUntil");
    json.keySet().stream()
        .filter(k -> !fields.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    new FieldError(
                        k,
                        org.polity.jakarta.http.FieldErrors.text(
                            "field.unknown-member", "closesAt, deskEncodingUntil, reason"))));
    Instant closes = instant(json, "closesAt", closesAtRequired, errors);
    Instant desk = instant(json, "deskEncodingUntil", false, errors);
    String reason = null;
    JsonValue value = json.get("reason");
    if (value instanceof JsonString text
        && !text.getString().isBlank()
        && text.getString().length() <= VoteChange.MAX_REASON_LENGTH) {
      reason = text.getString().strip();
    } else {
      errors.add(
          new FieldError(
              "reason",
              TEXTS.text("vote.field.reason", String.valueOf(VoteChange.MAX_REASON_LENGTH))));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Move(Optional.ofNullable(closes), Optional.ofNullable(desk), reason);
  }

  /**
   * A requested move of a vote's close.
   *
   * @param closesAt the new close; empty for now
   * @param deskEncodingUntil the new end of desk encoding; empty to keep its distance to the close
   * @param reason why
   */
  public record Move(
      Optional<Instant> closesAt, Optional<Instant> deskEncodingUntil, String reason) {}

  /**
   * Writes vote settings.
   *
   * @param settings the settings
   * @return the JSON object
   */
  public static JsonObject toJson(VoteSettings settings) {
    return toJson(settings, List.of());
  }

  /**
   * Writes vote settings with their history.
   *
   * @param settings the settings
   * @param changes the moves of the close, oldest first
   * @return the JSON object, with {@code form} when the vote has one and {@code changes}
   */
  public static JsonObject toJson(VoteSettings settings, List<VoteChange> changes) {
    JsonObjectBuilder json =
        BallotJson.PROVIDER
            .createObjectBuilder()
            .add("budgetId", settings.budget().value())
            .add("opensAt", settings.opensAt().toString())
            .add("closesAt", settings.closesAt().toString())
            .add("deskEncodingUntil", settings.deskEncodingUntil().toString())
            .add("changesAllowed", settings.changesAllowed())
            .add("secondEncoderRequired", settings.secondEncoderRequired());
    settings.form().ifPresent(form -> json.add("form", BallotFormJson.toJson(form)));
    JsonArrayBuilder history = BallotJson.PROVIDER.createArrayBuilder();
    for (VoteChange change : changes) {
      history.add(
          BallotJson.PROVIDER
              .createObjectBuilder()
              .add("kind", change.closesEarly() ? "closed-early" : "extended")
              .add("previousClosesAt", String.valueOf(change.previousClosesAt()))
              .add("closesAt", change.closesAt().toString())
              .add("deskEncodingUntil", change.deskEncodingUntil().toString())
              .add("reason", change.reason())
              .add("by", change.by())
              .add("at", change.at().toString()));
    }
    json.add("changes", history);
    return json.build();
  }

  private static Instant instant(
      JsonObject json, String field, boolean required, List<FieldError> errors) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, TEXTS.text("vote.field.instant-missing")));
      }
      return null;
    }
    if (!(value instanceof JsonString text)) {
      errors.add(new FieldError(field, TEXTS.text("vote.field.instant")));
      return null;
    }
    try {
      return Instant.parse(text.getString());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, TEXTS.text("vote.field.instant-invalid", text.getString())));
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
    errors.add(new FieldError(field, TEXTS.text("vote.field.boolean")));
    return false;
  }
}
