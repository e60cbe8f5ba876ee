package org.polity.jakarta.cartography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;

/**
 * The HTML conformance class of {@code /ogc} on the running standalone server: content negotiation
 * ({@code f} and {@code Accept}), alternate links and escaping over HTTP, then the pages rendered
 * by a real headless Chromium (Debian's {@code chromium}, installed by {@code .ci/run}): the
 * collections listed, one table row and one Leaflet shape per feature, the paging link, a
 * user-submitted {@code <script>} title shown as text and never run, French labels.
 */
class OgcHtmlTest {

  private static final String CHROMIUM = "/usr/bin/chromium";

  /** Runs if the title were parsed as HTML; the DOM would then carry {@code data-pwned}. */
  private static final String HOSTILE_TITLE =
      "<script>document.documentElement.setAttribute('data-pwned','1')</script><b>Fête</b> & co";

  @TempDir static Path data;
  @TempDir static Path browserProfiles;
  static PolityServer server;
  static MapClient client;
  static String hostileId;
  static int published;

  @BeforeAll
  static void start() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    settings.put(
        "polity.cartography.districts-file",
        Path.of(System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson")
            .toString());
    settings.put("polity.cartography.districts-id-property", "nis");
    // a tile server that does not answer: the features must be drawn all the same
    settings.put("polity.map.tiles-url", "http://127.0.0.1:9/{z}/{x}/{y}.png");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    client = new MapClient(server.uri());
    Initiatives initiatives = server.bean(Initiatives.class);
    MapFixture.store(initiatives, 24, 11);
    InitiativeDetails details =
        InitiativeDetails.builder()
            .title(LocalizedText.of("fr", HOSTILE_TITLE))
            .kind(InitiativeKind.CONSULTATION)
            .organiser("<img src=x onerror=alert(1)>", OrganiserType.CITIZEN_GROUP)
            .theme("culture")
            .scale(Scale.values()[0])
            .period(Period.ongoingSince(java.time.LocalDate.of(2024, 5, 1)))
            .place(Place.point(4.35, 50.85))
            .build();
    var proposed = initiatives.propose("organiser-x", details);
    initiatives.publish(proposed.initiative().id(), "moderator-1", proposed.version());
    hostileId = proposed.initiative().id().value();
    published =
        client.get("ogc/collections/initiatives/items?limit=1").json().getInt("numberMatched");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

  @Test
  void browsersGetHtmlOtherClientsJsonAndFDecides() {
    for (String path :
        List.of(
            "ogc",
            "ogc/conformance",
            "ogc/collections",
            "ogc/collections/initiatives",
            "ogc/collections/initiatives/items",
            "ogc/collections/initiatives/items/" + hostileId)) {
      MapClient.Reply browser =
          client.send("GET", path, null, null, null, "Accept", BROWSER_ACCEPT);
      assertThat(browser.status()).as(path).isEqualTo(200);
      assertThat(browser.headers().first("Content-Type")).as(path).startsWith("text/html");
      assertThat(browser.body())
          .as(path)
          .startsWith("<!DOCTYPE html>")
          .contains("rel=\"alternate\"");
      String separator = path.contains("?") ? "&" : "?";
      MapClient.Reply forcedJson =
          client.send(
              "GET", path + separator + "f=json", null, null, null, "Accept", BROWSER_ACCEPT);
      assertThat(forcedJson.headers().first("Content-Type")).as(path).doesNotStartWith("text/html");
      assertThat(forcedJson.json().toString())
          .as(path)
          .contains("\"rel\":\"alternate\"", "\"type\":\"text/html\"");
      MapClient.Reply plain = client.send("GET", path, null, null, null, "Accept", "*/*");
      assertThat(plain.headers().first("Content-Type")).as(path).doesNotStartWith("text/html");
      MapClient.Reply forcedHtml = client.get(path + separator + "f=html");
      assertThat(forcedHtml.headers().first("Content-Type")).as(path).startsWith("text/html");
    }
    assertThat(client.get("ogc?f=pdf").status()).isEqualTo(400);
    assertThat(client.get("ogc/api?f=html").status()).isEqualTo(400);
    assertThat(client.get("ogc/collections?f=html&colour=red").status()).isEqualTo(400);
    assertThat(client.get("ogc/conformance").body()).contains("/conf/html");
  }

  @Test
  void userTextIsEscapedInThePages() {
    String page = client.get("ogc/collections/initiatives/items/" + hostileId + "?f=html").body();
    assertThat(page)
        .doesNotContain("<script>document", "<b>Fête", "<img src=x")
        .contains(
            "&lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(OgcHtml.escape("a<b>\"c\"&'d'"))
        .isEqualTo("a&lt;b&gt;&quot;c&quot;&amp;&#39;d&#39;");
  }

  @Test
  void assetsAreServedFromTheWebJarAndNothingElse() {
    MapClient.Reply leaflet = client.get("ogc/assets/leaflet.js");
    assertThat(leaflet.status()).isEqualTo(200);
    assertThat(leaflet.headers().first("Content-Type")).startsWith("text/javascript");
    assertThat(leaflet.body()).contains("Leaflet 1.9");
    assertThat(client.get("ogc/assets/leaflet.css").body()).contains(".leaflet-container");
    assertThat(client.get("ogc/assets/polity-map.js").body()).contains("L.geoJSON");
    assertThat(client.get("ogc/assets/pom.xml").status()).isEqualTo(404);
    assertThat(client.get("ogc/assets/..%2F..%2Fbeans.xml").status()).isEqualTo(404);
  }

  // ---- in a real browser ----

  /** The DOM of a page after Chromium ran its scripts (virtual time, no network but loopback). */
  private static String render(String path, String language)
      throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(Path.of(CHROMIUM)),
        "Debian's chromium is not installed here (apt-get install -y chromium; .ci/run installs it):"
            + " the browser checks of the HTML pages are skipped");
    Path profile = Files.createTempDirectory(browserProfiles, "profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--lang=" + language,
                "--accept-lang=" + language,
                "--virtual-time-budget=5000",
                "--dump-dom",
                server.uri().resolve(path).toString()));
    Path out = profile.resolve("dom.html");
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(profile.resolve("stderr.txt").toFile())
            .start();
    assertThat(chromium.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom)
        .as(
            "chromium rendered the page; stderr: %s",
            Files.readString(profile.resolve("stderr.txt")))
        .contains("</html>");
    return dom;
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void chromiumListsTheCollections() throws Exception {
    String dom = render("ogc/collections", "en");
    assertThat(count(dom, "<tr class=\"collection\">")).isEqualTo(2);
    assertThat(dom).contains("Districts", "/ogc/collections/initiatives/items?f=html");
  }

  @Test
  void chromiumDrawsOneShapePerFeatureAndPagesByTheNextLink() throws Exception {
    String first = render("ogc/collections/initiatives/items?limit=10", "en");
    assertThat(count(first, "<tr class=\"feature\">")).isEqualTo(10);
    assertThat(first).contains("data-features=\"10\"").doesNotContain("data-error");
    assertThat(count(first, "leaflet-interactive")).isEqualTo(10);
    Matcher next = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\"").matcher(first);
    assertThat(next.find()).as("a next link").isTrue();
    String href = next.group(1).replace("&amp;", "&");
    // Relative to the server's root, never built from the request's Host (issue 13).
    assertThat(href).startsWith("/ogc/");
    String second = render(href.substring(1), "en");
    assertThat(second).contains("Features 11 to 20 of " + published, "rel=\"prev\"");
    assertThat(count(second, "<tr class=\"feature\">")).isEqualTo(10);
    assertThat(count(second, "leaflet-interactive")).isEqualTo(10);

    String districts = render("ogc/collections/districts/items?limit=100", "en");
    assertThat(count(districts, "<tr class=\"feature\">")).isEqualTo(19);
    assertThat(districts).contains("data-features=\"19\"");
  }

  @Test
  void chromiumShowsAScriptTitleAsTextWithoutRunningIt() throws Exception {
    String feature = render("ogc/collections/initiatives/items/" + hostileId, "en");
    assertThat(feature)
        .doesNotContain("data-pwned=\"1\"")
        .doesNotContain("<script>document")
        .contains("&lt;script&gt;document.documentElement.setAttribute");
    assertThat(count(feature, "leaflet-interactive")).isEqualTo(1);
    String all = render("ogc/collections/initiatives/items?limit=1000", "en");
    assertThat(all).doesNotContain("data-pwned=\"1\"").contains("&lt;b&gt;Fête&lt;/b&gt; &amp; co");
    assertThat(count(all, "leaflet-interactive")).isEqualTo(published);
  }

  @Test
  void chromiumGetsFrenchLabelsForAFrenchReader() throws Exception {
    String dom = render("ogc/collections/initiatives/items?limit=5", "fr");
    assertThat(dom)
        .contains("<html lang=\"fr\"", "Page suivante", "Éléments 1 à 5 sur " + published);
    assertThat(render("ogc", "nl")).contains("Collecties", "Conformiteitsklassen");
  }
}
