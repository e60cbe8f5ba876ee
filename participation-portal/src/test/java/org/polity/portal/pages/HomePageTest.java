package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;

/** The front page on the real server: languages, the switch, the security headers, the forms. */
class HomePageTest {

  @TempDir static Path data;
  static PolityServer server;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    BallotProcess.create(
        server.uri(),
        "pb-2027",
        java.util.List.of("pb-2027-city"),
        100_000,
        java.util.List.of(40_000L, 30_000L),
        java.util.List.of("Centre", "North"),
        null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theFrontPageSpeaksTheBrowsersLanguageAndListsTheEditions() {
    PortalHttp browser = new PortalHttp(server.uri());
    HttpResponse<String> french = browser.get("/", "Accept-Language", "fr-BE,fr;q=0.9");
    assertThat(french.statusCode()).isEqualTo(200);
    assertThat(french.body())
        .contains("<html lang=\"fr\">")
        .contains("Participez aux décisions de votre commune")
        .contains("href=\"/editions/pb-2027\"")
        .doesNotContain("Take part in the decisions");
    HttpResponse<String> dutch = new PortalHttp(server.uri()).get("/", "Accept-Language", "nl");
    assertThat(dutch.body()).contains("<html lang=\"nl\">").contains("Beslis mee over uw gemeente");
  }

  @Test
  void theApiDescriptionLeavesThePagesOut() {
    String document = new PortalHttp(server.uri()).get("/openapi").body();
    assertThat(document).contains("/api/v1/processes").contains("/ogc/collections");
    assertThat(document)
        .doesNotContain("/staff/editions")
        .doesNotContain("/desk/ballots")
        .doesNotContain("/sign-in")
        .doesNotContain("/editions/{process}/vote");
  }

  @Test
  void theLanguageSwitchIsRemembered() {
    PortalHttp browser = new PortalHttp(server.uri());
    assertThat(browser.get("/?lang=nl", "Accept-Language", "fr").body())
        .contains("<html lang=\"nl\">");
    assertThat(browser.get("/", "Accept-Language", "fr").body()).contains("<html lang=\"nl\">");
    assertThat(browser.get("/?lang=xx", "Accept-Language", "fr").body())
        .contains("<html lang=\"nl\">");
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicy() {
    HttpResponse<String> home = new PortalHttp(server.uri()).get("/");
    String policy = home.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline");
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(home.body()).doesNotContain("<script>").doesNotContain(" style=\"");
  }

  @Test
  void aFormWithoutItsTokenIsRefusedBeforeAnyPageRuns() {
    PortalHttp browser = new PortalHttp(server.uri());
    browser.get("/");
    HttpResponse<String> forged = browser.post("/sign-out", Map.of("csrf", "not-the-token"));
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> none = new PortalHttp(server.uri()).post("/sign-out", Map.of());
    assertThat(none.statusCode()).isEqualTo(403);
  }

  @Test
  void newsArePublishedByStaffAndReadByResidents() {
    org.polity.jakarta.standalone.testing.Api.Reply published =
        new org.polity.jakarta.standalone.testing.Api(server.uri())
            .send(
                "POST",
                "api/v1/news",
                "{\"title\": {\"fr\": \"Le vote est ouvert\", \"en\": \"The vote is open\"},"
                    + " \"text\": {\"fr\": \"Votez jusqu’au 30.\", \"en\": \"Vote until the 30th.\"}}",
                "sam",
                "staff");
    assertThat(published.status()).as(published.body()).isEqualTo(201);
    String id = published.json().getString("id");
    PortalHttp browser = new PortalHttp(server.uri());
    assertThat(browser.get("/?lang=fr").body()).contains("Le vote est ouvert");
    assertThat(browser.get("/news?lang=en").body()).contains("href=\"/news/" + id + "\"");
    assertThat(browser.get("/news/" + id + "?lang=en").body()).contains("Vote until the 30th.");
    assertThat(browser.get("/news/nope-nope").statusCode()).isEqualTo(404);
    HttpResponse<String> map = browser.get("/map");
    assertThat(map.statusCode()).isEqualTo(303);
    assertThat(map.headers().firstValue("Location").orElseThrow()).contains("/ogc/");
  }

  @Test
  void theAssetsComeFromThePortalAndLeafletsWebJar() {
    PortalHttp browser = new PortalHttp(server.uri());
    assertThat(browser.get("/assets/portal.css").statusCode()).isEqualTo(200);
    assertThat(browser.get("/assets/leaflet.js").body()).contains("Leaflet");
    assertThat(browser.get("/assets/secret.txt").statusCode()).isEqualTo(404);
  }
}
