package org.polity.jakarta.cartography;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.cartography.AreaLayer;
import org.polity.common.LocalizedText;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonFeature;
import org.polity.geo.GeoJsonReader;
import org.polity.jakarta.config.ConfigurationException;

/**
 * The districts file of the map ({@value CartographyCapability#DISTRICTS_FILE}, its ids in the
 * feature's {@code id} member or in {@value CartographyCapability#DISTRICTS_ID_PROPERTY}), read and
 * checked once, when the application starts: a file that is missing, is not a GeoJSON
 * FeatureCollection of valid areas, or has a feature without an id stops the start with a {@link
 * ConfigurationException} naming the file, the feature and the fix. Requests then use what was read
 * at start, so a map request never reads (nor fails on) the file.
 */
@ApplicationScoped
public class DistrictsFile {

  private static final Logger LOG = Logger.getLogger(DistrictsFile.class.getName());

  private Optional<AreaLayer> layer = Optional.empty();

  /** Creates the bean; CDI calls it. */
  public DistrictsFile() {}

  @PostConstruct
  void read() {
    layer = read(ConfigProvider.getConfig());
    layer.ifPresent(
        districts ->
            LOG.info(
                () ->
                    "Map: "
                        + districts
                            .features(org.polity.cartography.LayerQuery.page(0, 1))
                            .numberMatched()
                        + " districts read from "
                        + CartographyCapability.DISTRICTS_FILE
                        + "."));
  }

  /**
   * Reads the file when the application starts, so that a bad one stops the start.
   *
   * @param started the application context's initialisation (CDI fires it)
   */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    layer();
  }

  /**
   * The districts collection, as read at start.
   *
   * @return the layer, or empty when no districts file is configured
   */
  public Optional<AreaLayer> layer() {
    return layer;
  }

  /**
   * Reads and checks the districts file a configuration names.
   *
   * @param config the configuration
   * @return the districts collection, or empty when {@value CartographyCapability#DISTRICTS_FILE}
   *     is not set
   * @throws ConfigurationException naming the file, the feature and the fix when the file cannot be
   *     used
   */
  public static Optional<AreaLayer> read(Config config) {
    Optional<String> file =
        config
            .getOptionalValue(CartographyCapability.DISTRICTS_FILE, String.class)
            .map(String::strip)
            .filter(v -> !v.isEmpty());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String idProperty =
        config
            .getOptionalValue(CartographyCapability.DISTRICTS_ID_PROPERTY, String.class)
            .map(String::strip)
            .filter(v -> !v.isEmpty())
            .orElse("id");
    return Optional.of(
        new AreaLayer(
            MapLayers.DISTRICTS,
            LocalizedText.of("en", "Districts")
                .with("fr", "Quartiers et communes")
                .with("nl", "Wijken en gemeenten"),
            areas(file.get(), idProperty)));
  }

  private static AreaCollection areas(String name, String idProperty) {
    String key = CartographyCapability.DISTRICTS_FILE;
    Path path;
    try {
      path = Path.of(name).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw problem(key + " is '" + name + "', which is not a file path: " + e.getMessage() + ".");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw problem(
          key
              + " names the file "
              + path
              + ", which does not exist or cannot be read: give the path of a GeoJSON"
              + " FeatureCollection of the districts (polity serve --districts FILE).");
    }
    try {
      return new GeoJsonReader().readAreas(path, idProperty);
    } catch (IOException e) {
      throw problem(key + ": the file " + path + " cannot be read: " + e.getMessage() + ".");
    } catch (RuntimeException e) {
      // the reader names the feature (its index, its id when it has one) and what is wrong
      String message = e.getMessage();
      String fix =
          message != null && message.contains("no id member")
              ? " Give every feature an id member, or set "
                  + CartographyCapability.DISTRICTS_ID_PROPERTY
                  + " (polity serve --districts-id-property) to the property that holds the ids"
                  + propertiesSeen(path)
                  + "."
              : " Fix the file (each feature a valid Polygon or MultiPolygon in WGS 84 lon/lat,"
                  + " with a distinct id).";
      throw problem(key + ": the file " + path + " is not usable: " + message + fix);
    }
  }

  /** The property names of the file's first features, to help choose the id property. */
  private static String propertiesSeen(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      List<GeoJsonFeature> features =
          new GeoJsonReader().readFeatures(in, path.getFileName().toString());
      TreeSet<String> names = new TreeSet<>();
      features.stream().limit(10).forEach(f -> names.addAll(f.properties().keySet()));
      return names.isEmpty()
          ? " (the features have no properties)"
          : "; the features have " + new ArrayList<>(names);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static ConfigurationException problem(String message) {
    return new ConfigurationException(List.of(message));
  }
}
