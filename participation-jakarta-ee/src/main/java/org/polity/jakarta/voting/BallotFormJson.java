package org.polity.jakarta.voting;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.common.Money;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.problem.Problem.FieldError;

/**
 * The JSON forms of a vote's {@link BallotForm}: the one of the REST API ({@link #fromJson}, {@link
 * #toJson}) and the one stored with the vote ({@link #toStored}, {@link #fromStored}), which
 * carries a {@code schemaVersion} so that either can change without the other.
 *
 * <pre>
 * {"kind": "approval", "minProjects": 1, "maxProjects": 5,
 *  "maxCost": {"amount": "200000", "currency": "EUR"}}         the basket; absent: the envelope,
 *                                                              null: no limit
 * {"kind": "cumulative", "pointsToSpread": 10, "spendAllPoints": true, "maxPointsPerProject": 5}
 * {"kind": "cardinal", "minScore": 0, "maxScore": 5}
 * {"kind": "ordinal", "maxProjects": 3}                        the ranking length
 * </pre>
 */
public final class BallotFormJson {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(BallotFormJson.class);

  /** The version of the stored form written now. */
  public static final int SCHEMA_VERSION = 1;

  private static final Set<String> FIELDS =
      Set.of(
          "kind",
          "minProjects",
          "maxProjects",
          "maxCost",
          "pointsToSpread",
          "spendAllPoints",
          "maxPointsPerProject",
          "minScore",
          "maxScore");

  /** The largest count or score a form may give (far above any real ballot). */
  private static final int MAX_NUMBER = 1_000_000;

  private BallotFormJson() {}

  /**
   * The form used when a vote is declared without one: an approval ballot naming at least one
   * project, within the envelope.
   *
   * @return the default form
   */
  public static RequestedForm byDefault() {
    return new RequestedForm(
        BallotForm.builder(BallotKind.APPROVAL).projects(1, Integer.MAX_VALUE).build(),
        Optional.empty());
  }

  /**
   * Reads the form of a vote declaration.
   *
   * @param value the {@code form} member
   * @param errors where every problem is added, each with its field ({@code form.kind}, ...)
   * @return the requested form; null when there were errors
   */
  public static RequestedForm fromJson(JsonValue value, List<FieldError> errors) {
    if (!(value instanceof JsonObject json)) {
      errors.add(new FieldError("form", TEXTS.text("form.field.object")));
      return null;
    }
    int before = errors.size();
    json.keySet().stream()
        .filter(k -> !FIELDS.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    new FieldError(
                        "form." + k,
                        org.polity.jakarta.http.FieldErrors.text(
                            "field.unknown-member",
                            String.join(", ", FIELDS.stream().sorted().toList())))));
    BallotKind kind = kind(json.get("kind"), errors);
    int minProjects = number(json, "minProjects", kind == BallotKind.APPROVAL ? 1 : 0, errors);
    int maxProjects = number(json, "maxProjects", Integer.MAX_VALUE, errors);
    int points = number(json, "pointsToSpread", 0, errors);
    boolean all = bool(json, "spendAllPoints", errors);
    int perProject = number(json, "maxPointsPerProject", 0, errors);
    int minScore = number(json, "minScore", 0, errors);
    int maxScore = number(json, "maxScore", 10, errors);
    Optional<Optional<Money>> basket = Optional.empty();
    JsonValue cost = json.get("maxCost");
    if (cost != null) {
      if (cost.getValueType() == JsonValue.ValueType.NULL) {
        basket = Optional.of(Optional.empty());
      } else {
        try {
          basket = Optional.of(Optional.of(ValueJson.money(cost, "form.maxCost")));
        } catch (org.polity.jakarta.problem.InvalidValueException e) {
          errors.add(new FieldError("form.maxCost", e.error().text()));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("form.maxCost", TEXTS.text("form.field.max-cost")));
        }
      }
    }
    if (errors.size() > before || kind == null) {
      return null;
    }
    try {
      return new RequestedForm(
          BallotForm.builder(kind)
              .projects(minProjects, maxProjects)
              .points(points, all, perProject)
              .scores(minScore, maxScore)
              .build(),
          basket);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("form", TEXTS.text("form.field.inconsistent", e.getMessage())));
      return null;
    }
  }

  /**
   * A form as the REST API shows it; an unlimited number of projects is left out.
   *
   * @param form the form
   * @return the JSON object
   */
  public static JsonObject toJson(BallotForm form) {
    JsonObjectBuilder json =
        BallotJson.PROVIDER
            .createObjectBuilder()
            .add("kind", form.kind().name().toLowerCase(Locale.ROOT))
            .add("minProjects", form.minProjects());
    if (form.maxProjects() != Integer.MAX_VALUE) {
      json.add("maxProjects", form.maxProjects());
    }
    if (form.maxTotalCost().isPresent()) {
      json.add("maxCost", ValueJson.json(form.maxTotalCost().get()));
    } else {
      json.addNull("maxCost");
    }
    if (form.kind() == BallotKind.CUMULATIVE) {
      json.add("pointsToSpread", form.pointsToSpread())
          .add("spendAllPoints", form.spendAllPoints())
          .add("maxPointsPerProject", form.maxPointsPerProject());
    }
    if (form.kind() == BallotKind.CARDINAL) {
      json.add("minScore", form.minScore()).add("maxScore", form.maxScore());
    }
    return json.build();
  }

  /**
   * A form as stored with its vote, every member written, with {@link #SCHEMA_VERSION}.
   *
   * @param form the form
   * @return the stored text
   */
  public static String toStored(BallotForm form) {
    JsonObjectBuilder json =
        BallotJson.PROVIDER
            .createObjectBuilder()
            .add("schemaVersion", SCHEMA_VERSION)
            .add("kind", form.kind().name())
            .add("minProjects", form.minProjects())
            .add("maxProjects", form.maxProjects())
            .add("pointsToSpread", form.pointsToSpread())
            .add("spendAllPoints", form.spendAllPoints())
            .add("maxPointsPerProject", form.maxPointsPerProject())
            .add("minScore", form.minScore())
            .add("maxScore", form.maxScore());
    form.maxTotalCost()
        .ifPresent(
            m ->
                json.add("maxCostAmount", m.amount().toPlainString())
                    .add("maxCostCurrency", m.currency().getCurrencyCode()));
    return json.build().toString();
  }

  /**
   * Reads a stored form.
   *
   * @param text the stored text
   * @return the form
   * @throws IllegalStateException for a schema version this code does not know (a database written
   *     by a newer Polity)
   */
  public static BallotForm fromStored(String text) {
    JsonObject json = BallotJson.PROVIDER.createReader(new java.io.StringReader(text)).readObject();
    int version = json.getInt("schemaVersion", 0);
    if (version != SCHEMA_VERSION) {
      throw new IllegalStateException(
          "A stored ballot form has schema version "
              + version
              + ", which this Polity does not read (it reads "
              + SCHEMA_VERSION
              + "): run the Polity version that wrote it, or a newer one.");
    }
    BallotForm.Builder builder =
        BallotForm.builder(BallotKind.valueOf(json.getString("kind")))
            .projects(json.getInt("minProjects"), json.getInt("maxProjects"))
            .points(
                json.getInt("pointsToSpread"),
                json.getBoolean("spendAllPoints"),
                json.getInt("maxPointsPerProject"))
            .scores(json.getInt("minScore"), json.getInt("maxScore"));
    if (json.containsKey("maxCostAmount")) {
      builder.maxTotalCost(
          Money.of(json.getString("maxCostAmount"), json.getString("maxCostCurrency")));
    }
    return builder.build();
  }

  private static BallotKind kind(JsonValue value, List<FieldError> errors) {
    if (value == null) {
      return BallotKind.APPROVAL;
    }
    if (value instanceof JsonString text) {
      for (BallotKind kind : BallotKind.values()) {
        if (kind.name().equalsIgnoreCase(text.getString())) {
          return kind;
        }
      }
    }
    errors.add(new FieldError("form.kind", TEXTS.text("form.field.kind")));
    return null;
  }

  private static int number(JsonObject json, String field, int absent, List<FieldError> errors) {
    JsonValue value = json.get(field);
    if (value == null) {
      return absent;
    }
    if (value instanceof JsonNumber number
        && number.isIntegral()
        && number.bigDecimalValue().signum() >= 0
        && number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(MAX_NUMBER)) <= 0) {
      return number.intValue();
    }
    errors.add(
        new FieldError(
            "form." + field, TEXTS.text("form.field.number", String.valueOf(MAX_NUMBER))));
    return absent;
  }

  private static boolean bool(JsonObject json, String field, List<FieldError> errors) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    errors.add(new FieldError("form." + field, TEXTS.text("vote.field.boolean")));
    return false;
  }
}
