package org.polity.jakarta.cartography;

import org.polity.jakarta.Jsonp;
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
import org.polity.geo.GeoJsonReader;
import org.polity.jakarta.problem.InvalidInputException;
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

  private InitiativeJson() {}

  static InitiativeDetails details(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", "the request has no JSON object: send the initiative.");
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    InitiativeDetails.Builder b = InitiativeDetails.builder();
    field(errors, "title", () -> b.title(text(body, "title", true)));
    field(errors, "description", () -> b.description(text(body, "description", false)));
    field(errors, "kind", () -> b.kind(InitiativeKind.fromCode(string(body, "kind", true))));
    field(errors, "organiserType", () -> b.organiser(string(body, "organiser", false),
        OrganiserType.fromCode(string(body, "organiserType", true))));
    field(errors, "themes", () -> {
      Set<String> themes = new LinkedHashSet<>();
      if (body.containsKey("themes")) {
        for (JsonValue value : body.getJsonArray("themes")) {
          themes.add(((JsonString) value).getString());
        }
      }
      return b.themes(themes);
    });
    field(errors, "audience", () -> b.audience(text(body, "audience", false)));
    field(errors, "scale", () -> b.scale(Scale.fromCode(string(body, "scale", true))));
    field(errors, "mode", () -> body.containsKey("mode")
        ? b.mode(ParticipationMode.fromCode(string(body, "mode", true))) : b);
    field(errors, "recruitment", () -> body.containsKey("recruitment")
        ? b.recruitment(Recruitment.fromCode(string(body, "recruitment", true))) : b);
    field(errors, "start", () -> b.period(new Period(date(body, "start"), date(body, "end"),
        body.getBoolean("ongoing", false))));
    field(errors, "contact", () -> {
      JsonObject contact = body.containsKey("contact") ? body.getJsonObject("contact") : JsonValue.EMPTY_JSON_OBJECT;
      List<URI> links = new ArrayList<>();
      if (contact.containsKey("links")) {
        for (JsonValue link : contact.getJsonArray("links")) {
          links.add(URI.create(((JsonString) link).getString()));
        }
      }
      return b.contact(new Contact(contact.getString("name", null), contact.getString("email", null),
          contact.getString("phone", null), links));
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
      area = new GeoJsonReader().geometry(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          new ByteArrayInputStream(body.getJsonObject("area").toString().getBytes(StandardCharsets.UTF_8))));
    }
    if (point == null) {
      return area == null ? new Place(null, null) : Place.area(area);
    }
    if (point.size() != 2) {
      throw new IllegalArgumentException("a point is [longitude, latitude].");
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
    try {
      step.run();
    } catch (Exception e) {
      String message = e instanceof ClassCastException || e instanceof NullPointerException
          ? "has the wrong JSON type or is missing" : e.getMessage();
      errors.add(new Problem.FieldError(name, message));
    }
  }

  private static LocalizedText text(JsonObject body, String name, boolean required) {
    if (!body.containsKey(name) || body.isNull(name)) {
      if (required) {
        throw new IllegalArgumentException("missing: give {\"fr\": \"...\", \"nl\": \"...\"}.");
      }
      return null;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    body.getJsonObject(name).forEach((language, text) -> texts.put(language, ((JsonString) text).getString()));
    return new LocalizedText(texts);
  }

  private static String string(JsonObject body, String name, boolean required) {
    if (!body.containsKey(name) || body.isNull(name)) {
      if (required) {
        throw new IllegalArgumentException("missing.");
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
      throw new IllegalArgumentException("'" + text + "' is not a date such as 2026-03-01.");
    }
  }

  static JsonObject toJson(Initiative initiative) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder()
        .add("id", initiative.id().value())
        .add("status", initiative.moderation().code())
        .add("proposedBy", initiative.proposedBy());
    if (initiative.moderation() instanceof org.polity.cartography.Moderation.Rejected rejected) {
      JsonObjectBuilder reason = Jsonp.JSON.createObjectBuilder();
      rejected.reason().texts().forEach(reason::add);
      json.add("reason", reason);
    }
    JsonObjectBuilder title = Jsonp.JSON.createObjectBuilder();
    initiative.details().title().texts().forEach(title::add);
    json.add("title", title);
    JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
    for (Revision revision : initiative.history()) {
      history.add(Jsonp.JSON.createObjectBuilder()
          .add("at", revision.at().toString())
          .add("actor", revision.actor())
          .add("action", revision.action().name().toLowerCase())
          .add("changed", Jsonp.JSON.createArrayBuilder(revision.changed()))
          .add("why", revision.why()));
    }
    json.add("history", history);
    return json.build();
  }

}
