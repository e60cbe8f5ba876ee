package org.polity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonReader;

/**
 * The shared real data sets (system property {@code polity.shared.dir}). Reusable from the test
 * jar.
 */
public final class SharedData {

  private static AreaCollection brussels;

  private SharedData() {}

  /**
   * @return the shared data folder
   */
  public static Path dir() {
    String dir = System.getProperty("polity.shared.dir");
    if (dir == null) {
      throw new IllegalStateException(
          "The system property polity.shared.dir is not set: run the tests with Maven, which sets it.");
    }
    return Path.of(dir);
  }

  /**
   * @return the Brussels municipalities GeoJSON file
   */
  public static Path brusselsMunicipalitiesFile() {
    Path file = dir().resolve("geo/brussels_municipalities.geojson");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Missing shared data file " + file);
    }
    return file;
  }

  /**
   * @return the 19 Brussels municipalities, keyed by NIS code
   */
  public static synchronized AreaCollection brusselsMunicipalities() {
    if (brussels == null) {
      try {
        brussels = new GeoJsonReader().readAreas(brusselsMunicipalitiesFile(), "nis");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return brussels;
  }
}
