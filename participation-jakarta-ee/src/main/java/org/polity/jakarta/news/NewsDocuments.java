package org.polity.jakarta.news;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;
import org.polity.common.ProcessId;
import org.polity.geo.GeoPoint;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.news.Event;
import org.polity.news.NewsId;
import org.polity.news.NewsItem;
import org.polity.news.Place;
import org.polity.news.Schedule;

/**
 * The stored form of news items and events (the {@code document} column of {@code polity_news}),
 * apart from the REST form so that either can change without the other. Each document carries
 * {@code "schema": 1}; a later schema adds a reader here, and old documents stay readable.
 */
final class NewsDocuments {

  /** The schema version written. */
  static final int SCHEMA = 1;

  private NewsDocuments() {}

  static JsonObject document(NewsItem item) {
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("schema", SCHEMA)
            .add("title", ValueJson.json(item.title()))
            .add("text", ValueJson.json(item.text()))
            .add("publishedAt", item.publishedAt().toString());
    item.process().ifPresent(p -> json.add("process", p.value()));
    return json.build();
  }

  static NewsItem item(String id, JsonObject json) {
    schema(id, json);
    return new NewsItem(
        NewsId.of(id),
        ValueJson.text(json.getJsonObject("title")),
        ValueJson.text(json.getJsonObject("text")),
        Instant.parse(json.getString("publishedAt")),
        process(json));
  }

  static JsonObject document(Event event) {
    Place place = event.place();
    JsonObjectBuilder where = Jsonp.JSON.createObjectBuilder().add("name", place.name());
    place.address().ifPresent(a -> where.add("address", a));
    place
        .point()
        .ifPresent(p -> where.add("longitude", p.longitude()).add("latitude", p.latitude()));
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("schema", SCHEMA)
            .add("title", ValueJson.json(event.title()))
            .add("description", ValueJson.json(event.description()))
            .add("startsAt", event.schedule().startsAt().toString())
            .add("endsAt", event.schedule().endsAt().toString())
            .add("place", where);
    event.process().ifPresent(p -> json.add("process", p.value()));
    return json.build();
  }

  static Event event(String id, JsonObject json) {
    schema(id, json);
    JsonObject where = json.getJsonObject("place");
    Optional<GeoPoint> point =
        where.containsKey("longitude")
            ? Optional.of(
                GeoPoint.of(
                    where.getJsonNumber("longitude").doubleValue(),
                    where.getJsonNumber("latitude").doubleValue()))
            : Optional.empty();
    return new Event(
        NewsId.of(id),
        ValueJson.text(json.getJsonObject("title")),
        ValueJson.text(json.getJsonObject("description")),
        new Schedule(
            Instant.parse(json.getString("startsAt")), Instant.parse(json.getString("endsAt"))),
        new Place(
            where.getString("name"), Optional.ofNullable(where.getString("address", null)), point),
        process(json));
  }

  private static Optional<ProcessId> process(JsonObject json) {
    return Optional.ofNullable(json.getString("process", null)).map(ProcessId::of);
  }

  private static void schema(String id, JsonObject json) {
    int schema = json.getInt("schema", 0);
    if (schema != SCHEMA) {
      throw new IllegalStateException(
          "The stored news document "
              + id
              + " has schema "
              + schema
              + ", which this version of Polity does not read (it reads "
              + SCHEMA
              + "): run the Polity version that wrote it, or a newer one.");
    }
  }
}
