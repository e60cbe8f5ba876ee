package org.polity.jakarta.cartography;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
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
import org.polity.cartography.Moderation;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.ParticipationMode;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Recruitment;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;
import org.polity.jakarta.http.Jsonp;

/**
 * The storage format of initiatives, kept apart from their REST format ({@link InitiativeJson}):
 * the column {@code document} of {@code polity_initiative} (current details, moderation status with
 * the rejection reason, waiting edit) and the column {@code details} of {@code
 * polity_initiative_revision}. The REST form can change without a data migration, and the reverse.
 *
 * <p>A stored document carries {@code schemaVersion}. Version 1 is the layout of the first release,
 * which stored documents without that member: a document without it reads as version 1. Details are
 * written with the members of the proposal form of version 1 ({@code title}, {@code description},
 * {@code kind}, {@code organiser}, {@code organiserType}, {@code themes}, {@code audience}, {@code
 * scale}, {@code mode}, {@code recruitment}, {@code start}, {@code end}, {@code ongoing}, {@code
 * contact}, {@code point}, {@code area}); the details of a history entry have no version of their
 * own: they follow their initiative's document (rows are written whole, entries appended with the
 * same layout).
 */
final class StoredInitiatives {

  /** The member that names the layout of a stored document. */
  static final String SCHEMA_VERSION = "schemaVersion";

  /** The layout written today. */
  static final int CURRENT_VERSION = 1;

  private StoredInitiatives() {}

  /**
   * What the {@code document} column holds.
   *
   * @param details the current details
   * @param moderation the moderation status
   * @param pendingEdit the edit waiting for moderation, or null
   * @param detailsJson the stored JSON of the current details, to compare with a history entry's
   */
  record Document(
      InitiativeDetails details,
      Moderation moderation,
      InitiativeDetails pendingEdit,
      JsonObject detailsJson) {}

  /**
   * The stored document of an initiative.
   *
   * @param initiative the initiative
   * @return the text of column {@code document}
   */
  static String document(Initiative initiative) {
    JsonObjectBuilder moderation =
        Jsonp.JSON.createObjectBuilder().add("status", initiative.moderation().code());
    if (initiative.moderation() instanceof Moderation.Published published) {
      moderation.add("moderator", published.moderator());
    } else if (initiative.moderation() instanceof Moderation.Rejected rejected) {
      moderation.add("moderator", rejected.moderator()).add("reason", text(rejected.reason()));
    }
    JsonObjectBuilder document =
        Jsonp.JSON
            .createObjectBuilder()
            .add(SCHEMA_VERSION, CURRENT_VERSION)
            .add("details", detailsJson(initiative.details()))
            .add("moderation", moderation);
    initiative.pendingEdit().ifPresent(edit -> document.add("pendingEdit", detailsJson(edit)));
    return document.build().toString();
  }

  /**
   * Reads column {@code document}, whatever version stored it.
   *
   * @param text the stored text
   * @param shared details to reuse when they are the ones stored (the last history entry's), or
   *     null
   * @param sharedJson the stored JSON of {@code shared}, or null
   * @return the document
   * @throws IllegalStateException for a version this release does not read, or a malformed row
   */
  static Document read(String text, InitiativeDetails shared, JsonObject sharedJson) {
    JsonObject document = object(text);
    int version =
        document.get(SCHEMA_VERSION) instanceof JsonNumber number ? number.intValueExact() : 1;
    if (version != 1) {
      throw new IllegalStateException(
          "An initiative was stored with schema version "
              + version
              + ", which this release does not read (it reads 1 to "
              + CURRENT_VERSION
              + "): run the release that stored it, or a newer one.");
    }
    JsonObject current = document.getJsonObject("details");
    InitiativeDetails details =
        shared != null && current.equals(sharedJson) ? shared : details(current);
    InitiativeDetails pendingEdit =
        document.containsKey("pendingEdit") ? details(document.getJsonObject("pendingEdit")) : null;
    return new Document(
        details, moderation(document.getJsonObject("moderation")), pendingEdit, current);
  }

  /**
   * The stored form of details (a history entry's column {@code details}, and inside documents).
   *
   * @param d the details
   * @return the JSON
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
            area -> json.add("area", object(new org.polity.geo.GeoJsonWriter().geometry(area))));
    return json.build();
  }

  /**
   * Stored details read back.
   *
   * @param json the stored JSON ({@link #detailsJson})
   * @return the details
   * @throws IllegalStateException when the row was changed outside Polity
   */
  static InitiativeDetails details(JsonObject json) {
    try {
      Set<String> themes = new LinkedHashSet<>();
      for (JsonValue theme : json.getJsonArray("themes")) {
        themes.add(((JsonString) theme).getString());
      }
      JsonObject contact = json.getJsonObject("contact");
      List<URI> links = new ArrayList<>();
      for (JsonValue link : contact.getJsonArray("links")) {
        links.add(URI.create(((JsonString) link).getString()));
      }
      return InitiativeDetails.builder()
          .title(text(json, "title"))
          .description(text(json, "description"))
          .kind(InitiativeKind.fromCode(json.getString("kind")))
          .organiser(
              json.getString("organiser", null),
              OrganiserType.fromCode(json.getString("organiserType")))
          .themes(themes)
          .audience(text(json, "audience"))
          .scale(Scale.fromCode(json.getString("scale")))
          .mode(ParticipationMode.fromCode(json.getString("mode")))
          .recruitment(Recruitment.fromCode(json.getString("recruitment")))
          .period(
              new Period(date(json, "start"), date(json, "end"), json.getBoolean("ongoing", false)))
          .contact(
              new Contact(
                  contact.getString("name", null),
                  contact.getString("email", null),
                  contact.getString("phone", null),
                  links))
          .place(place(json))
          .build();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Stored initiative details cannot be read ("
              + e.getMessage()
              + "): the row was changed outside Polity. Details: "
              + json,
          e);
    }
  }

  private static Place place(JsonObject json) {
    JsonArray point = json.containsKey("point") ? json.getJsonArray("point") : null;
    Geometry area = null;
    if (json.containsKey("area")) {
      try {
        area =
            new org.polity.geo.GeoJsonReader()
                .geometry(
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(json.getJsonObject("area").toString()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("The stored area is not GeoJSON: " + e.getMessage(), e);
      }
    }
    if (point == null) {
      return area == null ? new Place(null, null) : Place.area(area);
    }
    double lon = point.getJsonNumber(0).doubleValue();
    double lat = point.getJsonNumber(1).doubleValue();
    return area == null ? Place.point(lon, lat) : Place.both(lon, lat, area);
  }

  private static Moderation moderation(JsonObject json) {
    return switch (json.getString("status")) {
      case "pending" -> new Moderation.Pending();
      case "published" -> new Moderation.Published(json.getString("moderator"));
      case "rejected" -> new Moderation.Rejected(json.getString("moderator"), text(json, "reason"));
      default ->
          throw new IllegalStateException(
              "Unknown moderation status '"
                  + json.getString("status")
                  + "' in polity_initiative: the row was changed outside Polity.");
    };
  }

  private static LocalizedText text(JsonObject json, String name) {
    if (!(json.get(name) instanceof JsonObject texts)) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    texts.forEach((language, text) -> map.put(language, ((JsonString) text).getString()));
    return new LocalizedText(map);
  }

  private static JsonObjectBuilder text(LocalizedText text) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    text.texts().forEach(json::add);
    return json;
  }

  private static LocalDate date(JsonObject json, String name) {
    String text = json.getString(name, null);
    return text == null ? null : LocalDate.parse(text);
  }

  static JsonObject object(String json) {
    try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
