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

  private static final String KEY = "v1:" + "A".repeat(43);

  private static String censusProcess(Path census) {
    return """
        {"title": {"en": "Census"}, "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "template": "shared-budget", "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"}},
         "eligibility": {"SUPPORT": {"census": {"kind": "csv", "name": {"en": "of residents"},
           "options": {"file": "%s", "column": "key", "content": "key"}}}}}
        """
        .formatted(census.toString().replace("\\", "\\\\"));
  }

  @Test
  void aCensusRegisterThatBrokeSinceItsProcessWasDeclaredStopsTheStartNamingTheLine()
      throws IOException {
    Path census = Files.writeString(data.resolve("census.csv"), "key,name\n" + KEY + ",Ines\n");
    Map<String, String> settings = settings();
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      Api api = new Api(server.uri());
      Api.Reply declared =
          api.send(
              "PUT", "api/v1/processes/census-2027", censusProcess(census), "ada", "administrator");
      assertThat(declared.status()).as(declared.body()).isIn(200, 201);
    }
    // the register is edited by hand, and its third line is no longer a key
    Files.writeString(census, "key,name\n" + KEY + ",Ines\nv1:short,Kim\n");
    assertThat(startFails(settings).problems())
        .singleElement()
        .asString()
        .contains("The stored process census-2027 cannot be read")
        .contains("eligibility.SUPPORT.census")
        .contains(census.toString() + ", line 3")
        .contains("'short' is malformed")
        .contains("Fix or restore the file");

    // restored, the server starts and serves the process
    Files.writeString(census, "key,name\n" + KEY + ",Ines\n");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      Api.Reply process = new Api(server.uri()).get("api/v1/processes/census-2027");
      assertThat(process.status()).as(process.body()).isEqualTo(200);
    }
  }

  @Test
  void aBadCensusRegisterIsRefusedWhenAProcessIsDeclaredNeverA500() throws IOException {
    Path bad = Files.writeString(data.resolve("bad.csv"), "key\n" + KEY + "\nnot-a-key\n");
    Path noColumn = Files.writeString(data.resolve("columns.csv"), "nrn\n" + KEY + "\n");
    Path missing = data.resolve("missing.csv");
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings()))) {
      Api api = new Api(server.uri());
      Map<Path, String> expected =
          Map.of(bad, bad + ", line 3", noColumn, "no column 'key'", missing, missing.toString());
      int n = 0;
      for (Map.Entry<Path, String> file : expected.entrySet()) {
        Api.Reply reply =
            api.send(
                "PUT",
                "api/v1/processes/census-bad-" + n++,
                censusProcess(file.getKey()),
                "ada",
                "administrator");
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains(file.getValue()).contains("eligibility.SUPPORT.census");
      }
    }
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
