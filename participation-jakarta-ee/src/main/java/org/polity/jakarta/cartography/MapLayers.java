package org.polity.jakarta.cartography;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.cartography.AreaLayer;
import org.polity.cartography.InitiativeLayer;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.MapLayer;
import org.polity.cartography.ProjectLayer;
import org.polity.common.LocalizedText;
import org.polity.geo.GeoJsonReader;
import org.polity.jakarta.config.ConfigurationException;

/**
 * The map of the application (a CDI bean): the {@link InitiativeRegistry} and the layers served as
 * OGC API collections, in this order: {@code initiatives}, {@code districts} (when configured),
 * then the layers added by the host, such as one {@link ProjectLayer} per open edition.
 *
 * <p>Settings (MicroProfile Config): {@code polity.cartography.districts-file}, a GeoJSON
 * FeatureCollection of the districts or municipalities (WGS 84), and {@code
 * polity.cartography.districts-id-property} (default {@code id}), the property holding each area's
 * id when a feature has no {@code id} member.
 *
 * <p>The registry is held in memory: initiatives do not survive a restart (see
 * docs/cartography.md).
 */
@ApplicationScoped
public class MapLayers {

  /** The id of the districts collection. */
  public static final String DISTRICTS = "districts";

  private final InitiativeRegistry registry = new InitiativeRegistry(Clock.systemUTC());
  private final Map<String, MapLayer> fixed = new ConcurrentHashMap<>();
  private final Map<String, MapLayer> added = new ConcurrentSkipListMap<>();

  /** Creates the bean; CDI calls it. */
  public MapLayers() {}

  /** Reads the districts file when one is configured. */
  @PostConstruct
  void init() {
    fixed.put(InitiativeLayer.ID, new InitiativeLayer(registry));
    Config config = ConfigProvider.getConfig();
    Optional<String> file = config.getOptionalValue("polity.cartography.districts-file", String.class);
    if (file.isPresent()) {
      String idProperty =
          config.getOptionalValue("polity.cartography.districts-id-property", String.class).orElse("id");
      try {
        fixed.put(DISTRICTS, new AreaLayer(DISTRICTS,
            LocalizedText.of("en", "Districts").with("fr", "Quartiers et communes").with("nl", "Wijken en gemeenten"),
            new GeoJsonReader().readAreas(Path.of(file.get()), idProperty)));
      } catch (IOException e) {
        throw new UncheckedIOException("polity.cartography.districts-file: cannot read " + file.get(), e);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(List.of(
            "polity.cartography.districts-file: " + e.getMessage()));
      }
    }
  }

  /**
   * @return the initiative registry
   */
  public InitiativeRegistry registry() {
    return registry;
  }

  /**
   * Adds (or replaces) a layer, such as the projects of an open edition.
   *
   * @param layer the layer; its id must not be {@code initiatives} or {@code districts}
   */
  public void add(MapLayer layer) {
    Objects.requireNonNull(layer, "layer");
    if (fixed.containsKey(layer.id()) || layer.id().equals(DISTRICTS)) {
      throw new IllegalArgumentException(
          "The layer id '" + layer.id() + "' is reserved: give added layers another id.");
    }
    added.put(layer.id(), layer);
  }

  /**
   * Removes an added layer (an edition that closed).
   *
   * @param id the layer id
   * @return whether there was one
   */
  public boolean remove(String id) {
    return added.remove(id) != null;
  }

  /**
   * @return every layer, in serving order
   */
  public List<MapLayer> layers() {
    List<MapLayer> result = new ArrayList<>();
    result.add(fixed.get(InitiativeLayer.ID));
    Optional.ofNullable(fixed.get(DISTRICTS)).ifPresent(result::add);
    result.addAll(added.values());
    return result;
  }

  /**
   * A layer by id.
   *
   * @param id the id
   * @return the layer, or empty
   */
  public Optional<MapLayer> layer(String id) {
    return Optional.ofNullable(fixed.get(id)).or(() -> Optional.ofNullable(added.get(id)));
  }
}
