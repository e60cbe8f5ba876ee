package org.polity.cartography;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.polity.common.LocalizedText;
import org.polity.common.ProjectId;
import org.polity.geo.GeoJsonFeature;
import org.polity.project.Edition;
import org.polity.project.Project;
import org.polity.project.ProjectLocation;
import org.polity.project.ProjectStatus;

/**
 * The located projects of one participatory-budget edition as a map layer, id {@code
 * projects-<process id>}: one collection per edition. Projects without a location are left out, and
 * so are projects merged into another (the one they were merged into stands for them). Features are
 * in project-id order; properties: {@code title}, {@code title_fr}, {@code title_nl}, {@code
 * title_en}, {@code status}, {@code themes}, {@code district}, {@code cost}, {@code currency},
 * {@code edition}. The layer reads the edition live, so new projects appear at once.
 */
public final class ProjectLayer implements MapLayer {

  /** The prefix of every project layer's id. */
  public static final String PREFIX = "projects-";

  private final Edition edition;

  /**
   * @param edition the edition whose projects are shown
   */
  public ProjectLayer(Edition edition) {
    this.edition = Objects.requireNonNull(edition, "edition");
  }

  @Override
  public String id() {
    return PREFIX + edition.process().id().value();
  }

  @Override
  public LocalizedText title() {
    LocalizedText name = edition.process().title();
    LocalizedText result = null;
    for (String language : name.languages()) {
      String prefix =
          switch (language) {
            case "fr" -> "Projets – ";
            case "nl" -> "Projecten – ";
            default -> "Projects – ";
          };
      String text = prefix + name.get(language).orElseThrow();
      result = result == null ? LocalizedText.of(language, text) : result.with(language, text);
    }
    return result;
  }

  @Override
  public LocalizedText description() {
    String id = edition.process().id().value();
    return LocalizedText.of("en", "The located projects of the participatory budget " + id + ".")
        .with("fr", "Les projets localisés du budget participatif " + id + ".")
        .with("nl", "De gelokaliseerde projecten van de burgerbegroting " + id + ".");
  }

  @Override
  public Envelope extent() {
    Envelope extent = new Envelope();
    for (Project project : located()) {
      extent.expandToInclude(geometry(project).getEnvelopeInternal());
    }
    return extent;
  }

  @Override
  public boolean temporal() {
    return false;
  }

  @Override
  public FeaturePage features(LayerQuery query) {
    List<GeoJsonFeature> matches =
        located().stream()
            .filter(project -> query.meets(geometry(project)))
            .map(this::feature)
            .toList();
    return FeaturePage.slice(matches, query);
  }

  @Override
  public Optional<GeoJsonFeature> feature(String featureId) {
    try {
      return edition
          .project(ProjectId.of(featureId))
          .filter(p -> p.proposal().location().isPresent() && p.status() != ProjectStatus.MERGED)
          .map(this::feature);
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  private List<Project> located() {
    return edition.projects().stream()
        .filter(p -> p.proposal().location().isPresent() && p.status() != ProjectStatus.MERGED)
        .sorted(Comparator.comparing(Project::id))
        .toList();
  }

  private static Geometry geometry(Project project) {
    return project.proposal().location().map(ProjectLocation::geometry).orElseThrow();
  }

  private GeoJsonFeature feature(Project project) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("title", project.title().original());
    for (String language : List.of("fr", "nl", "en")) {
      p.put("title_" + language, project.title().get(language).orElse(null));
    }
    p.put("status", project.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    p.put("themes", List.copyOf(project.themes()));
    p.put("district", project.district().orElse(null));
    p.put("cost", project.cost().amount());
    p.put("currency", project.cost().currency().getCurrencyCode());
    p.put("edition", edition.process().id().value());
    return new GeoJsonFeature(project.id().value(), p, geometry(project));
  }
}
