package org.polity.jakarta.news;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.common.Texts;
import org.polity.geo.GeoPoint;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.FieldErrors;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.news.Event;
import org.polity.news.NewsItem;
import org.polity.news.NewsTexts;
import org.polity.news.Page;
import org.polity.news.Place;
import org.polity.news.Schedule;

/**
 * The REST form of news items and events, and the reading of what staff send: every bad member is
 * named in one 400 problem, with what is expected.
 *
 * <pre>{@code
 * {"title": {"fr": "...", "nl": "...", "en": "..."}, "text": {...},
 *  "publishedAt": "2026-03-01T09:00:00Z", "process": "pb-2026"}
 * {"title": {...}, "description": {...},
 *  "startsAt": "2026-03-12T18:30:00Z", "endsAt": "2026-03-12T21:00:00Z",
 *  "place": {"name": "...", "address": "...", "point": {"longitude": 4.35, "latitude": 50.85}},
 *  "process": "pb-2026"}
 * }</pre>
 *
 * Times are ISO-8601 instants in UTC (with {@code Z} or an offset, answered in UTC); a client shows
 * them in its reader's time zone.
 */
final class NewsJson {

  private static final Set<String> ITEM_MEMBERS = Set.of("title", "text", "publishedAt", "process");
  private static final Set<String> EVENT_MEMBERS =
      Set.of("title", "description", "startsAt", "endsAt", "place", "process");
  private static final Set<String> PLACE_MEMBERS = Set.of("name", "address", "point");

  private static final Texts TEXTS = Texts.of(NewsJson.class);

  private NewsJson() {}

  private static String sorted(Set<String> members) {
    return String.join(", ", members.stream().sorted().toList());
  }

  /** Collects the bad members of one body. */
  private static final class Reader {
    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    Reader(JsonObject body, Set<String> members) {
      if (body == null) {
        throw InvalidInputException.of(
            "body", FieldErrors.text("field.json-object", sorted(members)));
      }
      this.body = body;
      body.keySet().stream()
          .filter(k -> !members.contains(k))
          .sorted()
          .forEach(k -> error(k, FieldErrors.text("field.unknown-member", sorted(members))));
    }

    void error(String field, LocalizedText text) {
      errors.add(new FieldError(field, text));
    }

    void error(String field, String key, Object... args) {
      error(field, TEXTS.text(key, args));
    }

    LocalizedText text(String member, int maxLength) {
      JsonValue value = body.get(member);
      if (!(value instanceof JsonObject json) || json.isEmpty()) {
        error(member, "field.text", member);
        return null;
      }
      Map<String, String> texts = new LinkedHashMap<>();
      for (var entry : json.entrySet()) {
        if (!(entry.getValue() instanceof JsonString s) || s.getString().isBlank()) {
          error(member + "." + entry.getKey(), "field.text.blank");
          return null;
        }
        texts.put(entry.getKey(), s.getString());
      }
      for (var entry : texts.entrySet()) {
        if (!NewsTexts.LANGUAGES.contains(entry.getKey())) {
          error(member, "field.text.language", entry.getKey());
          return null;
        }
        if (entry.getValue().length() > maxLength) {
          error(
              member,
              "field.text.length",
              entry.getKey(),
              String.valueOf(entry.getValue().length()),
              String.valueOf(maxLength));
          return null;
        }
      }
      try {
        LocalizedText text = new LocalizedText(texts);
        Optional<String> problem = NewsTexts.problem(text, maxLength);
        if (problem.isPresent()) {
          error(member, LocalizedText.of("en", capitalised(problem.get()) + "."));
          return null;
        }
        return text;
      } catch (IllegalArgumentException e) {
        error(member, LocalizedText.of("en", String.valueOf(e.getMessage())));
        return null;
      }
    }

    Optional<Instant> instant(String member, boolean required) {
      JsonValue value = body.get(member);
      if (value == null || value == JsonValue.NULL) {
        if (required) {
          error(member, "field.instant.required", member);
        }
        return Optional.empty();
      }
      try {
        return Optional.of(
            java.time.OffsetDateTime.parse(((JsonString) value).getString()).toInstant());
      } catch (ClassCastException | DateTimeParseException e) {
        error(member, "field.instant", member);
        return Optional.empty();
      }
    }

    Optional<ProcessId> process() {
      JsonValue value = body.get("process");
      if (value == null || value == JsonValue.NULL) {
        return Optional.empty();
      }
      if (value instanceof JsonString s && s.getString().matches(ApiIds.ID)) {
        return Optional.of(ProcessId.of(s.getString()));
      }
      error("process", "field.process");
      return Optional.empty();
    }

    Place place() {
      JsonValue value = body.get("place");
      if (!(value instanceof JsonObject where)) {
        error("place", "field.place");
        return null;
      }
      int before = errors.size();
      where.keySet().stream()
          .filter(k -> !PLACE_MEMBERS.contains(k))
          .sorted()
          .forEach(
              k ->
                  error(
                      "place." + k,
                      FieldErrors.text("field.unknown-member", "address, name, point")));
      String name = string(where, "name", true);
      String address = string(where, "address", false);
      Optional<GeoPoint> point = point(where.get("point"));
      if (errors.size() > before) {
        return null;
      }
      return new Place(name, Optional.ofNullable(address), point);
    }

    private String string(JsonObject where, String member, boolean required) {
      JsonValue value = where.get(member);
      if (value == null || value == JsonValue.NULL) {
        if (required) {
          error("place." + member, "field.place.member", member);
        }
        return null;
      }
      if (!(value instanceof JsonString s)
          || s.getString().isBlank()
          || s.getString().strip().length() > Place.MAX_LENGTH) {
        error(
            "place." + member,
            "field.place.member.length",
            member,
            String.valueOf(Place.MAX_LENGTH));
        return null;
      }
      return s.getString();
    }

    private Optional<GeoPoint> point(JsonValue value) {
      if (value == null || value == JsonValue.NULL) {
        return Optional.empty();
      }
      try {
        JsonObject point = (JsonObject) value;
        return Optional.of(
            GeoPoint.of(
                ((JsonNumber) point.get("longitude")).doubleValue(),
                ((JsonNumber) point.get("latitude")).doubleValue()));
      } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
        error("place.point", "field.place.point");
        return Optional.empty();
      }
    }

    void done() {
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
    }
  }

  /**
   * A news item as staff send it.
   *
   * @param body the request body
   * @return the draft
   * @throws InvalidInputException naming every bad member
   */
  static NewsDraft newsDraft(JsonObject body) {
    Reader read = new Reader(body, ITEM_MEMBERS);
    LocalizedText title = read.text("title", NewsTexts.MAX_TITLE);
    LocalizedText text = read.text("text", NewsTexts.MAX_BODY);
    Optional<Instant> publishedAt = read.instant("publishedAt", false);
    Optional<ProcessId> process = read.process();
    read.done();
    return new NewsDraft(title, text, publishedAt, process);
  }

  /**
   * An event as staff send it.
   *
   * @param body the request body
   * @return the draft
   * @throws InvalidInputException naming every bad member
   */
  static EventDraft eventDraft(JsonObject body) {
    Reader read = new Reader(body, EVENT_MEMBERS);
    LocalizedText title = read.text("title", NewsTexts.MAX_TITLE);
    LocalizedText description = read.text("description", NewsTexts.MAX_BODY);
    Optional<Instant> startsAt = read.instant("startsAt", true);
    Optional<Instant> endsAt = read.instant("endsAt", true);
    Schedule schedule = null;
    if (startsAt.isPresent() && endsAt.isPresent()) {
      try {
        schedule = new Schedule(startsAt.get(), endsAt.get());
      } catch (IllegalArgumentException e) {
        read.error("endsAt", "field.schedule");
      }
    }
    Place place = read.place();
    Optional<ProcessId> process = read.process();
    read.done();
    return new EventDraft(title, description, schedule, place, process);
  }

  /**
   * A news item.
   *
   * @param item the item and its version
   * @return its JSON
   */
  static JsonObject json(Versioned<NewsItem> item) {
    NewsItem news = item.value();
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", news.id().value())
            .add("title", ValueJson.json(news.title()))
            .add("text", ValueJson.json(news.text()))
            .add("publishedAt", news.publishedAt().toString());
    news.process().ifPresent(p -> json.add("process", p.value()));
    return json.add("version", item.version()).build();
  }

  /**
   * An event.
   *
   * @param versioned the event and its version
   * @return its JSON
   */
  static JsonObject eventJson(Versioned<Event> versioned) {
    Event event = versioned.value();
    Place place = event.place();
    JsonObjectBuilder where = Jsonp.JSON.createObjectBuilder().add("name", place.name());
    place.address().ifPresent(a -> where.add("address", a));
    place
        .point()
        .ifPresent(
            p ->
                where.add(
                    "point",
                    Jsonp.JSON
                        .createObjectBuilder()
                        .add("longitude", p.longitude())
                        .add("latitude", p.latitude())));
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", event.id().value())
            .add("title", ValueJson.json(event.title()))
            .add("description", ValueJson.json(event.description()))
            .add("startsAt", event.schedule().startsAt().toString())
            .add("endsAt", event.schedule().endsAt().toString())
            .add("place", where);
    event.process().ifPresent(p -> json.add("process", p.value()));
    return json.add("version", versioned.version()).build();
  }

  /**
   * A page of items or events.
   *
   * @param page the page
   * @param member the array's name ({@code news}, {@code events})
   * @param item the JSON of one
   * @param <T> the type
   * @return {@code {"total": n, "offset": ..., "limit": ..., "<member>": [...]}}
   */
  static <T> JsonObject page(Page<T> page, String member, Function<T, JsonObject> item) {
    JsonArrayBuilder items = Jsonp.JSON.createArrayBuilder();
    page.items().forEach(i -> items.add(item.apply(i)));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("total", page.total())
        .add("offset", page.offset())
        .add("limit", page.limit())
        .add(member, items)
        .build();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
