package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.TestDatabase;

/**
 * Every file the configuration names is read and checked when the server starts: a bad one stops
 * the start with a message naming the file, the feature or line, and the fix, instead of a server
 * that says it is ready and then answers 500.
 */
class ConfiguredFilesAtStartTest {

  @TempDir Path data;

  private static final String WITHOUT_IDS =
      "{\"type\":\"FeatureCollection\",\"features\":["
          + "{\"type\":\"Feature\",\"properties\":{\"name\":\"Centre\",\"code\":\"C\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[4.30,50.80],[4.36,50.80],[4.36,50.85],[4.30,50.85],[4.30,50.80]]]}},"
          + "{\"type\":\"Feature\",\"properties\":{\"name\":\"North\",\"code\":\"N\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
          + "[[[4.30,50.85],[4.36,50.85],[4.36,50.90],[4.30,50.90],[4.30,50.85]]]}}]}";

  private Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    return settings;
  }

  private static ConfigurationException startFails(Map<String, String> settings) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(
            () -> PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings)).close())
        .satisfies(t -> thrown[0] = t);
    assertThat(thrown[0]).isInstanceOf(ConfigurationException.class);
    return (ConfigurationException) thrown[0];
  }

  @Test
  void districtsWhoseFeaturesHaveNoIdStopTheStartNamingTheFileTheFeatureAndTheFix()
      throws IOException {
    Path districts = Files.writeString(data.resolve("districts.geojson"), WITHOUT_IDS);
    Map<String, String> settings = settings();
    settings.put("polity.cartography.districts-file", districts.toString());
    ConfigurationException e = startFails(settings);
    assertThat(e.problems())
        .singleElement()
        .asString()
        .contains("polity.cartography.districts-file")
        .contains(districts.toAbsolutePath().toString())
        .contains("feature #0")
        .contains("no id member")
        .contains("polity.cartography.districts-id-property")
        .contains("--districts-id-property")
        .contains("[code, name]");

    // naming the property that holds the ids makes the same file good
    settings.put("polity.cartography.districts-id-property", "code");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      Api api = new Api(server.uri());
      Api.Reply items = api.get("ogc/collections/districts/items");
      assertThat(items.status()).as(items.body()).isEqualTo(200);
      assertThat(items.json().getInt("numberMatched")).isEqualTo(2);
      assertThat(api.get("ogc/collections/districts/items/N").status()).isEqualTo(200);
    }
  }

  @Test
  void aMissingOrMalformedDistrictsFileStopsTheStart() throws IOException {
    Map<String, String> settings = settings();
    Path missing = data.resolve("nowhere.geojson");
    settings.put("polity.cartography.districts-file", missing.toString());
    assertThat(startFails(settings).problems())
        .singleElement()
        .asString()
        .contains(missing.toString())
        .contains("does not exist");

    Path points =
        Files.writeString(
            data.resolve("points.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[4.3,50.8]}}]}");
    settings.put("polity.cartography.districts-file", points.toString());
    assertThat(startFails(settings).problems())
        .singleElement()
        .asString()
        .contains(points.toString())
        .contains("feature #0 (id a)")
        .contains("Polygon or MultiPolygon");
  }

  @Test
  void theDistrictsReadAtStartServeTheMapEvenIfTheFileBreaksLater() throws IOException {
    Path districts =
        Files.copy(
            Path.of(System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson"),
            data.resolve("districts.geojson"));
    Map<String, String> settings = settings();
    settings.put("polity.cartography.districts-file", districts.toString());
    settings.put("polity.cartography.districts-id-property", "nis");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      // the file is replaced by one the map cannot use: requests keep what was read at start
      Files.writeString(districts, WITHOUT_IDS);
      Api api = new Api(server.uri());
      for (String path :
          new String[] {
            "ogc",
            "ogc/collections",
            "ogc/collections/districts",
            "ogc/collections/districts/items?limit=100",
            "ogc/collections/initiatives/items?within=21004"
          }) {
        Api.Reply reply = api.get(path);
        assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
      }
      assertThat(
              api.get("ogc/collections/districts/items?limit=100").json().getInt("numberReturned"))
          .isEqualTo(19);
    }
  }
}
