package org.polity.jakarta.cartography;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;
import org.polity.jakarta.spi.Setting;

/**
 * The descriptor of the map: the OGC API – Features service under {@code /ogc} (public), the
 * initiatives residents place on it ({@code /api/v1/initiatives}, moderated), its settings and its
 * tables (migration V3).
 */
@ApplicationScoped
public class CartographyCapability implements Capability {

  /** {@code polity.map.tiles-url}: the background tiles of the HTML map pages of {@code /ogc}. */
  public static final String MAP_TILES_URL = "polity.map.tiles-url";

  /** The tiles when {@value #MAP_TILES_URL} is not set: OpenStreetMap's. */
  public static final String DEFAULT_MAP_TILES_URL =
      "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  /** {@code polity.cartography.districts-file}: the districts layer, a GeoJSON file. */
  public static final String DISTRICTS_FILE = "polity.cartography.districts-file";

  /** {@code polity.cartography.districts-id-property}: the property holding a district's id. */
  public static final String DISTRICTS_ID_PROPERTY = "polity.cartography.districts-id-property";

  private static final Setting TILES =
      Setting.of(
          MAP_TILES_URL,
          DEFAULT_MAP_TILES_URL,
          "The background tiles of the HTML map pages: an http(s) URL template with {z}, {x} and"
              + " {y} (Leaflet's).",
          CartographyCapability::tilesProblem);

  /** Creates the descriptor; CDI calls it. */
  public CartographyCapability() {}

  @Override
  public String id() {
    return "cartography";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(InitiativeResource.class, OgcApiResource.class, OgcAssetsResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "cartography.submit-initiative",
            "Place an initiative on the map (published once a moderator accepts it).",
            PolityRole.PARTICIPANT),
        Permission.of(
            "cartography.edit-initiative",
            "Edit an initiative: its author, or a moderator.",
            PolityRole.PARTICIPANT,
            PolityRole.MODERATOR),
        Permission.of(
            "cartography.moderate",
            "See the initiatives waiting for moderation; publish or reject them.",
            PolityRole.MODERATOR));
  }

  @Override
  public List<Setting> settings() {
    return List.of(
        TILES,
        Setting.optional(
            DISTRICTS_FILE,
            "A GeoJSON FeatureCollection (WGS 84) of the districts or municipalities, served as"
                + " the districts collection; none when not set. Read and checked at start-up: a"
                + " missing file, an invalid area or a feature without an id stops the start,"
                + " naming the file and the feature.",
            Setting::anyValue),
        Setting.of(
            DISTRICTS_ID_PROPERTY,
            "id",
            "The property holding each district's id, for features without an id member.",
            Setting::anyValue));
  }

  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/cartography");
  }

  /**
   * The background tiles of the HTML map pages: {@value #MAP_TILES_URL}, else {@value
   * #DEFAULT_MAP_TILES_URL}.
   *
   * @param config the configuration
   * @return a Leaflet tile URL template ({@code http(s)}, with {@code {z}}, {@code {x}}, {@code
   *     {y}})
   * @throws ConfigurationException when the setting is not such a template
   */
  public static String tilesUrl(Config config) {
    Optional<String> problem = TILES.problem(config);
    if (problem.isPresent()) {
      throw new ConfigurationException(List.of(problem.get()));
    }
    return TILES.value(config).orElse(DEFAULT_MAP_TILES_URL);
  }

  private static Optional<String> tilesProblem(String url) {
    if (!url.matches("https?://\\S+")
        || !url.contains("{z}")
        || !url.contains("{x}")
        || !url.contains("{y}")) {
      return Optional.of(
          MAP_TILES_URL
              + ": '"
              + url
              + "' is not a tile URL template:"
              + " give an http(s) URL with {z}, {x} and {y}, e.g. "
              + DEFAULT_MAP_TILES_URL
              + ".");
    }
    return Optional.empty();
  }
}
