package org.polity.jakarta.cartography;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.polity.cartography.Contact;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.ParticipationMode;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Recruitment;
import org.polity.cartography.Revision;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.geo.GeoJsonReader;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.jakarta.problem.Problem;

/**
 * The JSON form of an initiative proposal and of an initiative. A proposal:
 *
 * <pre>{@code
 * {"title": {"fr": "...", "nl": "..."}, "description": {"fr": "..."}, "kind": "participatory-budget",
 *  "organiser": "Commune d'Ixelles", "organiserType": "public-body", "themes": ["mobility"],
 *  "audience": {"en": "young people"}, "scale": "municipality", "mode": "both",
 *  "recruitment": "open", "start": "2026-03-01", "end": "2026-11-30", "ongoing": false,
 *  "contact": {"name": "...", "email": "...", "phone": "...", "links": ["https://..."]},
 *  "point": [4.3725, 50.8333], "area": {"type": "Polygon", "coordinates": [...]}}
 * }</pre>
 *
 * Every bad field is reported at once, each with what is expected.
 */
final class InitiativeJson {

  private static final Texts TEXTS = Texts.of(InitiativeJson.class);

  /** The longest reason, in characters (an edit's, or a rejection's per language). */
  static final int MAX_REASON = 2000;

  private InitiativeJson() {}

  /**
   * An edit as the API receives it: {@code {"why": "...", "initiative": {...the proposal
   * form...}}}.
   *
   * @param why the reason, stripped
   * @param details the new details
   */
  record Edit(String why, InitiativeDetails details) {}

  /**
   * Reads an edit, reporting every bad member at once.
   *
   * @param body the request body
   * @return the edit
   * @throws InvalidInputException 400 naming the bad fields
   */
  static Edit edit(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("initiative.field.edit"));
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (String member : body.keySet()) {
      if (!Set.of("why", "initiative").contains(member)) {
        errors.add(
            new Problem.FieldError(
                member,
                org.polity.jakarta.http.FieldErrors.text(
                    "field.unknown-member", "initiative, why")));
      }
    }
    JsonValue why = body.get("why");
    if (!(why instanceof JsonString text)
        || text.getString().isBlank()
        || text.getString().length() > MAX_REASON) {
      errors.add(
          new Problem.FieldError(
              "why", TEXTS.text("initiative.field.why", String.valueOf(MAX_REASON))));
    }
    if (!(body.get("initiative") instanceof JsonObject)) {
      errors.add(new Problem.FieldError("initiative", TEXTS.text("initiative.field.initiative")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    InitiativeDetails details = details(body.getJsonObject("initiative"));
    return new Edit(body.getString("why").strip(), details);
  }

  /**
   * Reads the reason of a rejection: {@code {"reason": {"fr": "...", "en": "..."}}}.
   *
   * @param body the request body, or null
   * @return the reason
   * @throws InvalidInputException 400 on field {@code reason}
   */
  static LocalizedText reason(JsonObject body) {
    try {
      JsonObject texts = body == null ? JsonValue.EMPTY_JSON_OBJECT : body.getJsonObject("reason");
      Map<String, String> map = new LinkedHashMap<>();
      texts.forEach((language, text) -> map.put(language, ((JsonString) text).getString()));
      if (map.values().stream().anyMatch(text -> text.length() > MAX_REASON)) {
        throw new IllegalArgumentException("too long");
      }
      return new LocalizedText(map);
    } catch (RuntimeException e) {
      throw InvalidInputException.of(
          "reason", TEXTS.text("initiative.field.reason", String.valueOf(MAX_REASON)));
    }
  }

  static InitiativeDetails details(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("initiative.field.body"));
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    InitiativeDetails.Builder b = InitiativeDetails.builder();
    field(errors, "title", () -> b.title(text(body, "title", true)));
    field(errors, "description", () -> b.description(text(body, "description", false)));
    field(
        errors,
        "kind",
        () -> b.kind(InitiativeKind.fromCode(string(body, "kind", true))),
        codes(body, "kind", InitiativeKind.values(), InitiativeKind::code));
    field(
        errors,
        "organiserType",
        () ->
            b.organiser(
                string(body, "organiser", false),
                OrganiserType.fromCode(string(body, "organiserType", true))),
        codes(body, "organiserType", OrganiserType.values(), OrganiserType::code));
    field(
        errors,
        "themes",
        () -> {
          Set<String> themes = new LinkedHashSet<>();
          if (body.containsKey("themes")) {
            for (JsonValue value : body.getJsonArray("themes")) {
              themes.add(((JsonString) value).getString());
            }
          }
          return b.themes(themes);
        });
    field(errors, "audience", () -> b.audience(text(body, "audience", false)));
    field(
        errors,
        "scale",
        () -> b.scale(Scale.fromCode(string(body, "scale", true))),
        codes(body, "scale", Scale.values(), Scale::code));
    field(
        errors,
        "mode",
        () ->
            body.containsKey("mode")
                ? b.mode(ParticipationMode.fromCode(string(body, "mode", true)))
                : b,
        codes(body, "mode", ParticipationMode.values(), ParticipationMode::code));
    field(
        errors,
        "recruitment",
        () ->
            body.containsKey("recruitment")
                ? b.recruitment(Recruitment.fromCode(string(body, "recruitment", true)))
                : b,
        codes(body, "recruitment", Recruitment.values(), Recruitment::code));
    field(
        errors,
        "start",
        () ->
            b.period(
                new Period(
                    date(body, "start"), date(body, "end"), body.getBoolean("ongoing", false))));
    field(
        errors,
        "contact",
        () -> {
          JsonObject contact =
              body.containsKey("contact")
                  ? body.getJsonObject("contact")
                  : JsonValue.EMPTY_JSON_OBJECT;
          List<URI> links = new ArrayList<>();
          if (contact.containsKey("links")) {
            for (JsonValue link : contact.getJsonArray("links")) {
              links.add(URI.create(((JsonString) link).getString()));
            }
          }
          return b.contact(
              new Contact(
                  contact.getString("name", null),
                  contact.getString("email", null),
                  contact.getString("phone", null),
                  links));
        });
    field(errors, "point", () -> b.place(place(body)));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("body", e.getMessage());
    }
  }

  private static Place place(JsonObject body) throws java.io.IOException {
    JsonArray point = body.containsKey("point") ? body.getJsonArray("point") : null;
    Geometry area = null;
    if (body.containsKey("area")) {
      area =
          new GeoJsonReader()
              .geometry(
                  new com.fasterxml.jackson.databind.ObjectMapper()
                      .readTree(
                          new ByteArrayInputStream(
                              body.getJsonObject("area")
                                  .toString()
                                  .getBytes(StandardCharsets.UTF_8))));
    }
    if (point == null) {
      return area == null ? new Place(null, null) : Place.area(area);
    }
    if (point.size() != 2) {
      throw new InvalidValueException("point", TEXTS.text("initiative.field.point"));
    }
    double lon = point.getJsonNumber(0).doubleValue();
    double lat = point.getJsonNumber(1).doubleValue();
    return area == null ? Place.point(lon, lat) : Place.both(lon, lat, area);
  }

  @FunctionalInterface
  private interface Step {
    Object run() throws Exception;
  }

  private static void field(List<Problem.FieldError> errors, String name, Step step) {
    field(errors, name, step, null);
  }

  /**
   * Runs one step; a bad value is noted under {@code name}, with {@code badCode} (when given) for a
   * code that core does not know.
   */
  private static void field(
      List<Problem.FieldError> errors, String name, Step step, LocalizedText badCode) {
    try {
      step.run();
    } catch (InvalidValueException e) {
      errors.add(new Problem.FieldError(name, e.error().text()));
    } catch (IllegalArgumentException e) {
      errors.add(
          new Problem.FieldError(
              name,
              badCode != null && String.valueOf(e.getMessage()).contains(" is not a known ")
                  ? badCode
                  : LocalizedText.of("en", String.valueOf(e.getMessage()))));
    } catch (Exception e) {
      errors.add(
          new Problem.FieldError(
              name,
              e instanceof ClassCastException || e instanceof NullPointerException
                  ? TEXTS.text("initiative.field.type")
                  : LocalizedText.of("en", String.valueOf(e.getMessage()))));
    }
  }

  /** What to say of a code that is not one of {@code values}, in every language. */
  private static <E> LocalizedText codes(
      JsonObject body, String name, E[] values, java.util.function.Function<E, String> code) {
    JsonValue given = body.get(name);
    return TEXTS.text(
        "initiative.filter.code",
        given instanceof JsonString s ? s.getString() : String.valueOf(given),
        String.join(", ", java.util.Arrays.stream(values).map(code).toList()));
  }

  private static LocalizedText text(JsonObject body, String name, boolean required) {
    if (!body.containsKey(name) || body.isNull(name)) {
      if (required) {
        throw new InvalidValueException(name, TEXTS.text("initiative.field.text"));
      }
      return null;
    }
    ValueJson.checkLengths(
        body.getJsonObject(name),
        name,
        "title".equals(name) ? ValueJson.MAX_TITLE : ValueJson.MAX_TEXT);
    Map<String, String> texts = new LinkedHashMap<>();
    body.getJsonObject(name)
        .forEach((language, text) -> texts.put(language, ((JsonString) text).getString()));
    return new LocalizedText(texts);
  }

  private static String string(JsonObject body, String name, boolean required) {
    if (!body.containsKey(name) || body.isNull(name)) {
      if (required) {
        throw new InvalidValueException(name, TEXTS.text("initiative.field.missing"));
      }
      return null;
    }
    return body.getString(name);
  }

  private static LocalDate date(JsonObject body, String name) {
    String text = string(body, name, false);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(name, TEXTS.text("initiative.field.date", text));
    }
  }

  /**
   * The details in the proposal form above (the REST form; the stored form is {@link
   * StoredInitiatives#detailsJson}).
   */
  static JsonObject detailsJson(InitiativeDetails d) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    json.add("title", text(d.title()));
    d.optionalDescription().ifPresent(t -> json.add("description", text(t)));
    json.add("kind", d.kind().code());
    if (d.organiser() != null) {
      json.add("organiser", d.organiser());
    }
    json.add("organiserType", d.organiserType().code());
    json.add("themes", Jsonp.JSON.createArrayBuilder(List.copyOf(d.themes())));
    d.optionalAudience().ifPresent(t -> json.add("audience", text(t)));
    json.add("scale", d.scale().code());
    json.add("mode", d.mode().code());
    json.add("recruitment", d.recruitment().code());
    d.period().optionalStart().ifPresent(start -> json.add("start", start.toString()));
    d.period().optionalEnd().ifPresent(end -> json.add("end", end.toString()));
    json.add("ongoing", d.period().ongoing());
    JsonObjectBuilder contact = Jsonp.JSON.createObjectBuilder();
    if (d.contact().name() != null) {
      contact.add("name", d.contact().name());
    }
    if (d.contact().email() != null) {
      contact.add("email", d.contact().email());
    }
    if (d.contact().phone() != null) {
      contact.add("phone", d.contact().phone());
    }
    contact.add(
        "links",
        Jsonp.JSON.createArrayBuilder(d.contact().links().stream().map(URI::toString).toList()));
    json.add("contact", contact);
    d.place()
        .optionalPoint()
        .ifPresent(
            point ->
                json.add(
                    "point", Jsonp.JSON.createArrayBuilder().add(point.getX()).add(point.getY())));
    d.place()
        .optionalArea()
        .ifPresent(
            area ->
                json.add(
                    "area",
                    Jsonp.JSON
                        .createReader(
                            new java.io.StringReader(
                                new org.polity.geo.GeoJsonWriter().geometry(area)))
                        .readObject()));
    return json.build();
  }

  static JsonObjectBuilder text(LocalizedText text) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    text.texts().forEach(json::add);
    return json;
  }

  /**
   * An initiative as the API shows it: id, status, organiser's account, the rejection reason, the
   * details, the edit waiting for moderation (to its organiser and moderators) and its history.
   *
   * @param initiative the initiative
   * @param privileged whether the caller is its organiser or a moderator (sees the waiting edit and
   *     the accounts in the history; others see the actor's role only)
   */
  static JsonObject toJson(Initiative initiative, boolean privileged) {
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", initiative.id().value())
            .add("status", initiative.moderation().code())
            .add("editPending", initiative.pendingEdit().isPresent());
    if (privileged) {
      json.add("proposedBy", initiative.proposedBy());
    }
    if (initiative.moderation() instanceof org.polity.cartography.Moderation.Rejected rejected) {
      json.add("reason", text(rejected.reason()));
    }
    JsonObject details = detailsJson(initiative.details());
    json.add("title", details.get("title"));
    json.add("details", details);
    if (privileged) {
      initiative.pendingEdit().ifPresent(edit -> json.add("pendingEdit", detailsJson(edit)));
    }
    json.add("proposedAt", initiative.proposedAt().toString());
    json.add("updatedAt", initiative.updatedAt().toString());
    json.add("history", history(initiative, privileged));
    return json.build();
  }

  static JsonObject toJson(Initiative initiative) {
    return toJson(initiative, true);
  }

  /**
   * The history, oldest first: when, who (the account, or for the public only the role), the
   * action, the changed parts and why (the edit's reason or the moderator's public reason).
   */
  static JsonArrayBuilder history(Initiative initiative, boolean privileged) {
    JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
    for (Revision revision : initiative.history()) {
      boolean byOrganiser =
          revision.action() == Revision.Action.PROPOSED
              || revision.action() == Revision.Action.EDIT_PROPOSED
              || (revision.action() == Revision.Action.EDITED
                  && revision.actor().equals(initiative.proposedBy()));
      JsonObjectBuilder entry =
          Jsonp.JSON
              .createObjectBuilder()
              .add("at", revision.at().toString())
              .add("role", byOrganiser ? "organiser" : "moderator");
      if (privileged) {
        entry.add("actor", revision.actor());
      }
      entry
          .add(
              "action",
              revision.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
          .add("changed", Jsonp.JSON.createArrayBuilder(revision.changed()))
          .add("why", revision.why());
      history.add(entry);
    }
    return history;
  }
}
