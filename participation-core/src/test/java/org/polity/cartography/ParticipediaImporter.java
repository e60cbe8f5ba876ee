package org.polity.cartography;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.polity.common.LocalizedText;
import org.polity.geo.GeoJsonFeature;
import org.polity.geo.GeoJsonReader;

/**
 * TEST-side importer of Participedia's 2017 case export ({@code participedia_cases_2017.geojson},
 * CC BY-NC-SA 3.0: test data only, read from {@code polity.shared.dir}, never copied into the
 * repository). It maps Participedia's coded fields to the initiative model:
 *
 * <ul>
 *   <li>title: none in the export, so "Participedia case N, city, country" (English);
 *   <li>kind: {@code specific_topics} has {@code budget_local} → participatory budget; else {@code
 *       decision_methods} has {@code opinion_survey} → consultation; else other;
 *   <li>organiser: not in the export ("Not recorded (Participedia)"), organiser type from {@code
 *       organizer_types} (empty in this export) → other;
 *   <li>themes: {@code issues}, as theme codes ({@code _} and {@code /} become {@code -});
 *   <li>audience: {@code targeted_participants}, joined;
 *   <li>scale: {@code scope_of_influence} {@code city/town} → municipality, regional, national and
 *       multinational → region, none → municipality;
 *   <li>mode: {@code facetoface_online_or_both} facetoface/online/both → in person/online/both,
 *       none → in person; recruitment: {@code recruitment_method} (empty here) → open;
 *   <li>period: {@code start_date}, {@code end_date}, {@code ongoing}; an ongoing case with an end
 *       date keeps the end date; an end before the start is dropped (both noted);
 *   <li>contact: the case's {@code url}; place: the point.
 * </ul>
 */
final class ParticipediaImporter {

  /** The account that proposes and publishes the imported cases. */
  static final String ACCOUNT = "participedia-import";

  private final List<String> notes = new ArrayList<>();

  /** Reads the export and maps every case. */
  List<InitiativeDetails> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<InitiativeDetails> result = new ArrayList<>();
      for (GeoJsonFeature feature :
          new GeoJsonReader().readFeatures(in, file.getFileName().toString())) {
        result.add(details(feature));
      }
      return result;
    }
  }

  /** Proposes and publishes every case; returns the published initiatives in file order. */
  List<Initiative> importInto(InitiativeRegistry registry, Path file) throws IOException {
    List<Initiative> imported = new ArrayList<>();
    for (InitiativeDetails details : read(file)) {
      Initiative proposed = registry.propose(ACCOUNT, details);
      imported.add(registry.publish(proposed.id(), ACCOUNT).orElseThrow());
    }
    return imported;
  }

  /** What was adjusted, one line per adjustment. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  private InitiativeDetails details(GeoJsonFeature feature) {
    Map<String, Object> p = feature.properties();
    String id = feature.id();
    String city = text(p.get("city"));
    String country = text(p.get("country"));
    StringBuilder title = new StringBuilder("Participedia case " + id);
    if (!city.isEmpty()) {
      title.append(", ").append(city);
    }
    if (!country.isEmpty()) {
      title.append(", ").append(country);
    }
    List<String> topics = list(p.get("specific_topics"));
    List<String> decisions = list(p.get("decision_methods"));
    InitiativeKind kind =
        topics.contains("budget_local")
            ? InitiativeKind.PARTICIPATORY_BUDGET
            : decisions.contains("opinion_survey")
                ? InitiativeKind.CONSULTATION
                : InitiativeKind.OTHER;
    Set<String> themes = new LinkedHashSet<>();
    for (String issue : list(p.get("issues"))) {
      String code =
          issue.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      themes.add(code.length() > 64 ? code.substring(0, 64).replaceAll("-$", "") : code);
    }
    List<String> targeted = list(p.get("targeted_participants"));
    List<String> scopes = list(p.get("scope_of_influence"));
    Scale scale =
        scopes.isEmpty() || scopes.get(0).equals("city/town") ? Scale.MUNICIPALITY : Scale.REGION;
    ParticipationMode mode =
        switch (text(p.get("facetoface_online_or_both"))) {
          case "online" -> ParticipationMode.ONLINE;
          case "both" -> ParticipationMode.BOTH;
          default -> ParticipationMode.IN_PERSON;
        };
    LocalDate start = date(p.get("start_date"));
    LocalDate end = date(p.get("end_date"));
    boolean ongoing = Boolean.TRUE.equals(p.get("ongoing"));
    if (start != null && end != null && end.isBefore(start)) {
      notes.add("case " + id + ": end " + end + " before start " + start + ", end dropped");
      end = null;
    }
    if (ongoing && end != null) {
      notes.add("case " + id + ": ongoing with an end date " + end + ", end kept");
      ongoing = false;
    }
    Point point = (Point) feature.geometry();
    return InitiativeDetails.builder()
        .title(LocalizedText.of("en", title.toString()))
        .kind(kind)
        .organiser("Not recorded (Participedia)", OrganiserType.OTHER)
        .themes(themes)
        .audience(targeted.isEmpty() ? null : LocalizedText.of("en", String.join(", ", targeted)))
        .scale(scale)
        .mode(mode)
        .recruitment(Recruitment.OPEN)
        .period(new Period(start, end, ongoing))
        .contact(Contact.links(text(p.get("url"))))
        .place(Place.point(point.getX(), point.getY()))
        .build();
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value).strip();
  }

  private static List<String> list(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList();
    }
    return List.of();
  }

  private static LocalDate date(Object value) {
    String text = text(value);
    return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
  }
}
