package org.polity.jakarta.cartography;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.cartography.InitiativeLayer;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.MapLayer;
import org.polity.cartography.ProjectLayer;
import org.polity.common.ProcessId;
import org.polity.jakarta.process.Processes;
import org.polity.process.PhaseKind;
import org.polity.project.Edition;

/**
 * The map of the application (a CDI bean): the layers served as OGC API collections, in this order:
 * {@code initiatives} (the published initiatives of {@link Initiatives}, stored in the database),
 * {@code districts} (when configured), one {@link ProjectLayer} {@code projects-<process id>} per
 * open edition (a process stored by {@link Processes} whose current phase is not {@code CLOSED};
 * read from the database at each request, so new projects appear at once), then the layers added by
 * the host with {@link #add}.
 *
 * <p>Settings (MicroProfile Config): {@code polity.cartography.districts-file}, a GeoJSON
 * FeatureCollection of the districts or municipalities (WGS 84), and {@code
 * polity.cartography.districts-id-property} (default {@code id}), the property holding each area's
 * id when a feature has no {@code id} member (both read and checked at start by {@link
 * DistrictsFile}); {@code polity.map.tiles-url}, the background tiles of the HTML map pages ({@code
 * http(s)} URL template with {@code {z}}, {@code {x}} and {@code {y}}; default OpenStreetMap's,
 * checked at start-up by {@link CartographyCapability}).
 */
@ApplicationScoped
public class MapLayers {

  /** The id of the districts collection. */
  public static final String DISTRICTS = "districts";

  @Inject Initiatives initiatives;
  @Inject Processes processes;
  @Inject DistrictsFile districts;

  private String tilesUrl = CartographyCapability.DEFAULT_MAP_TILES_URL;
  private final Map<String, MapLayer> fixed = new ConcurrentHashMap<>();
  private final Map<String, MapLayer> added = new ConcurrentSkipListMap<>();

  /**
   * The background tiles of the HTML map pages ({@code polity.map.tiles-url}).
   *
   * @return a Leaflet tile URL template
   */
  public String tilesUrl() {
    return tilesUrl;
  }

  /** Creates the bean; CDI calls it. */
  public MapLayers() {}

  /** Takes the districts read at start ({@link DistrictsFile}) and the tiles setting. */
  @PostConstruct
  void init() {
    fixed.put(InitiativeLayer.ID, new InitiativeLayer(initiatives.registry()));
    tilesUrl = CartographyCapability.tilesUrl(ConfigProvider.getConfig());
    districts.layer().ifPresent(layer -> fixed.put(DISTRICTS, layer));
  }

  /**
   * The initiative registry, brought up to date with the database (read it; change initiatives
   * through {@link Initiatives}).
   *
   * @return the registry
   */
  public InitiativeRegistry registry() {
    return initiatives.registry();
  }

  /**
   * Adds (or replaces) a layer, such as the projects of an open edition.
   *
   * @param layer the layer; its id must not be {@code initiatives} or {@code districts}
   */
  public void add(MapLayer layer) {
    Objects.requireNonNull(layer, "layer");
    if (fixed.containsKey(layer.id())
        || layer.id().equals(DISTRICTS)
        || layer.id().startsWith(ProjectLayer.PREFIX) && openEdition(layer.id()).isPresent()) {
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
    initiatives.refresh();
    result.add(fixed.get(InitiativeLayer.ID));
    Optional.ofNullable(fixed.get(DISTRICTS)).ifPresent(result::add);
    for (ProcessId process : processes.ids()) {
      openEdition(process).map(ProjectLayer::new).ifPresent(result::add);
    }
    added.values().stream()
        .filter(layer -> result.stream().noneMatch(l -> l.id().equals(layer.id())))
        .forEach(result::add);
    return result;
  }

  /**
   * A layer by id.
   *
   * @param id the id
   * @return the layer, or empty
   */
  public Optional<MapLayer> layer(String id) {
    if (id.equals(InitiativeLayer.ID)) {
      initiatives.refresh();
    }
    return Optional.ofNullable(fixed.get(id))
        .or(
            () ->
                id.startsWith(ProjectLayer.PREFIX)
                    ? openEdition(id).map(ProjectLayer::new)
                    : Optional.empty())
        .or(() -> Optional.ofNullable(added.get(id)));
  }

  private Optional<Edition> openEdition(String layerId) {
    ProcessId process;
    try {
      process = ProcessId.of(layerId.substring(ProjectLayer.PREFIX.length()));
    } catch (IllegalArgumentException notAProcess) {
      return Optional.empty();
    }
    if (!processes.ids().contains(process)) {
      return Optional.empty();
    }
    return openEdition(process);
  }

  /** The edition of a stored process, if a phase has opened and it is not closed. */
  private Optional<Edition> openEdition(ProcessId process) {
    return processes.read(
        process,
        loaded -> {
          Edition edition = loaded.edition();
          boolean open =
              edition
                  .calendar()
                  .current()
                  .map(phase -> phase.kind() != PhaseKind.CLOSED)
                  .orElse(false);
          return open ? Optional.of(edition) : Optional.empty();
        });
  }
}
