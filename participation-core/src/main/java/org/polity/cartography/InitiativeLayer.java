package org.polity.cartography;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.polity.common.LocalizedText;
import org.polity.geo.GeoJsonFeature;

/**
 * The published initiatives of an {@link InitiativeRegistry} as a map layer (id {@code
 * initiatives}). Each feature's geometry is the initiative's point, else its area; its properties
 * are flat, so that GIS tools show them as columns:
 *
 * <p>{@code title}, {@code title_fr}, {@code title_nl}, {@code title_en}, {@code description},
 * {@code kind}, {@code organiser}, {@code organiser_type}, {@code themes} (array), {@code
 * audience}, {@code scale}, {@code mode}, {@code recruitment}, {@code start_date}, {@code
 * end_date}, {@code ongoing}, {@code contact_name}, {@code contact_email}, {@code contact_phone},
 * {@code links} (array), {@code has_area}, {@code updated} (ISO instant). Missing values are null.
 */
public final class InitiativeLayer implements MapLayer {

  /** The layer's id. */
  public static final String ID = "initiatives";

  private final InitiativeRegistry registry;

  /**
   * @param registry the registry whose published initiatives are shown
   */
  public InitiativeLayer(InitiativeRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public LocalizedText title() {
    return LocalizedText.of("en", "Participatory initiatives")
        .with("fr", "Initiatives participatives")
        .with("nl", "Participatieve initiatieven");
  }

  @Override
  public LocalizedText description() {
    return LocalizedText.of("en", "Published participatory initiatives of the territory.")
        .with("fr", "Les initiatives participatives publiées du territoire.")
        .with("nl", "De gepubliceerde participatieve initiatieven van het grondgebied.");
  }

  @Override
  public Envelope extent() {
    return registry.extent();
  }

  @Override
  public boolean temporal() {
    return true;
  }

  @Override
  public FeaturePage features(LayerQuery query) {
    InitiativeQuery.Builder criteria = InitiativeQuery.builder();
    if (query.box() != null) {
      criteria.bbox(query.box());
    }
    if (query.from() != null || query.to() != null) {
      criteria.activeBetween(query.from(), query.to());
    }
    InitiativePage page = registry.find(criteria.build(), query.offset(), query.limit());
    return new FeaturePage(
        page.items().stream().map(InitiativeLayer::feature).toList(), page.numberMatched());
  }

  @Override
  public Optional<GeoJsonFeature> feature(String featureId) {
    try {
      return registry.published(InitiativeId.of(featureId)).map(InitiativeLayer::feature);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /**
   * An initiative as a GeoJSON feature (see the class comment for its properties).
   *
   * @param initiative the initiative
   * @return the feature
   */
  public static GeoJsonFeature feature(Initiative initiative) {
    InitiativeDetails d = initiative.details();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("title", d.title().original());
    for (String language : List.of("fr", "nl", "en")) {
      p.put("title_" + language, d.title().get(language).orElse(null));
    }
    p.put("description", d.optionalDescription().map(LocalizedText::original).orElse(null));
    p.put("kind", d.kind().code());
    p.put("organiser", d.organiser());
    p.put("organiser_type", d.organiserType().code());
    p.put("themes", List.copyOf(d.themes()));
    p.put("audience", d.optionalAudience().map(LocalizedText::original).orElse(null));
    p.put("scale", d.scale().code());
    p.put("mode", d.mode().code());
    p.put("recruitment", d.recruitment().code());
    p.put("start_date", d.period().optionalStart().map(Object::toString).orElse(null));
    p.put("end_date", d.period().optionalEnd().map(Object::toString).orElse(null));
    p.put("ongoing", d.period().ongoing());
    p.put("contact_name", d.contact().name());
    p.put("contact_email", d.contact().email());
    p.put("contact_phone", d.contact().phone());
    p.put("links", d.contact().links().stream().map(URI::toString).toList());
    p.put("has_area", d.place().area() != null);
    p.put("updated", initiative.updatedAt().toString());
    return new GeoJsonFeature(initiative.id().value(), p, d.place().geometry());
  }
}
