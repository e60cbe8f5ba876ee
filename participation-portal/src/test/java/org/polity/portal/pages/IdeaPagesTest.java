package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.BallotProcess;

/** Submitting an idea from the portal: every bad field named, the phase and eligibility applied. */
class IdeaPagesTest {

  @TempDir static Path data;
  static PolityServer server;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    String definition =
        """
        {"title": {"en": "Ideas 2027", "fr": "Idées 2027", "nl": "Ideeën 2027"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation", "nl": "Vergroening"}}]},
         "budgets": ["ideas-city"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"minimumAge": {"years": 16}}}}
        """;
    Api.Reply declared =
        new Api(server.uri())
            .send("PUT", "api/v1/processes/ideas-2027", definition, "ada", "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    BallotProcess.move(server.uri(), "ideas-2027", "submission");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static PortalHttp resident(String name, String birthDate) {
    return new PortalHttp(
        server.uri(),
        "X-Polity-Dev-User",
        name,
        "X-Polity-Dev-Roles",
        "participant",
        "X-Polity-Dev-Birth-Date",
        birthDate);
  }

  @Test
  void everyBadFieldIsNamedInTheReadersLanguageAndNothingIsStored() {
    PortalHttp browser = resident("noa", "1980-01-01");
    String form = browser.get("/editions/ideas-2027/ideas/new?lang=fr").body();
    HttpResponse<String> refused =
        browser.post(
            "/editions/ideas-2027/ideas/new",
            List.of(
                Map.entry("csrf", PortalHttp.csrf(form)),
                Map.entry("title", ""),
                Map.entry("description", "Des bancs"),
                Map.entry("cost", "beaucoup"),
                Map.entry("author", "Noa"),
                Map.entry("age", "46")));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Votre idée n’a pas été déposée")
        .contains("href=\"#title\"")
        .contains("href=\"#cost\"")
        .contains("value=\"Noa\"");
    Api.Reply stored = new Api(server.uri()).get("api/v1/processes/ideas-2027/projects");
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.body()).doesNotContain("Des bancs");
  }

  @Test
  void aValidIdeaIsSubmittedAndShownWithItsStatus() {
    PortalHttp browser = resident("lea", "1990-05-05");
    String form = browser.get("/editions/ideas-2027/ideas/new?lang=en").body();
    HttpResponse<String> submitted =
        browser.post(
            "/editions/ideas-2027/ideas/new",
            List.of(
                Map.entry("csrf", PortalHttp.csrf(form)),
                Map.entry("title", "Benches in the park"),
                Map.entry("description", "Ten benches along the pond, for older residents."),
                Map.entry("theme", "greenery"),
                Map.entry("district", "North"),
                Map.entry("cost", "12000"),
                Map.entry("author", "Léa"),
                Map.entry("age", "36")));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(303);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    String project = new PortalHttp(server.uri()).get(location + "&lang=en").body();
    assertThat(project)
        .contains("Benches in the park")
        .contains("€12,000")
        .contains("North")
        .contains("Your idea is submitted.");
  }

  @Test
  void aResidentTheRuleRefusesIsToldWhy() {
    PortalHttp child = resident("tim", "2016-01-01");
    String form = child.get("/editions/ideas-2027/ideas/new?lang=en").body();
    HttpResponse<String> refused =
        child.post(
            "/editions/ideas-2027/ideas/new",
            List.of(
                Map.entry("csrf", PortalHttp.csrf(form)),
                Map.entry("title", "A skate park"),
                Map.entry("description", "A skate park near the school."),
                Map.entry("cost", "50000"),
                Map.entry("author", "Tim"),
                Map.entry("age", "10")));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Your idea was not submitted").contains("16");
  }
}
