package org.polity.cartography;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.polity.common.LocalizedText;
import org.polity.geo.Area;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonFeature;

/**
 * Named areas (districts, municipalities) as a map layer, in their file order, with their own
 * properties.
 *
 * <pre>{@code
 * new AreaLayer("districts", LocalizedText.of("en", "Municipalities"), areas);
 * }</pre>
 */
public final class AreaLayer implements MapLayer {

  private final String id;
  private final LocalizedText title;
  private final AreaCollection areas;

  /**
   * @param id the layer id, usable in a URL ({@code [A-Za-z0-9._-]})
   * @param title its title
   * @param areas the areas
   */
  public AreaLayer(String id, LocalizedText title, AreaCollection areas) {
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "The layer id '" + id + "' is not valid: use letters, digits, '.', '_' or '-'.");
    }
    this.id = id;
    this.title = Objects.requireNonNull(title, "title");
    this.areas = Objects.requireNonNull(areas, "areas");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public LocalizedText title() {
    return title;
  }

  @Override
  public LocalizedText description() {
    return title;
  }

  @Override
  public Envelope extent() {
    Envelope extent = new Envelope();
    areas.areas().forEach(area -> extent.expandToInclude(area.geometry().getEnvelopeInternal()));
    return extent;
  }

  @Override
  public boolean temporal() {
    return false;
  }

  @Override
  public FeaturePage features(LayerQuery query) {
    List<GeoJsonFeature> matches =
        areas.areas().stream()
            .filter(area -> query.meets(area.geometry()))
            .map(AreaLayer::feature)
            .toList();
    return FeaturePage.slice(matches, query);
  }

  @Override
  public Optional<GeoJsonFeature> feature(String featureId) {
    return areas.byId(featureId).map(AreaLayer::feature);
  }

  private static GeoJsonFeature feature(Area area) {
    return new GeoJsonFeature(area.id(), area.properties(), area.geometry());
  }
}
