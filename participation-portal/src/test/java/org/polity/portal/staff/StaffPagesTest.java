package org.polity.portal.staff;

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
import org.polity.portal.pages.PortalHttp;
import org.polity.portal.pages.PortalTesting;

/** Staff run an edition from the portal: roles, phase moves with guards, the review queue. */
class StaffPagesTest {

  @TempDir static Path data;
  static PolityServer server;
  static Api api;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    api = new Api(server.uri());
    String definition =
        """
        {"title": {"en": "Staff 2027", "fr": "Personnel 2027", "nl": "Personeel 2027"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre", "North"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation", "nl": "Vergroening"}}]},
         "budgets": ["staff-city"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"everyone": {}}}}
        """;
    assertThat(
            api.send("PUT", "api/v1/processes/staff-2027", definition, "ada", "administrator")
                .status())
        .isEqualTo(201);
    move(null, "submission");
    Api.Reply idea =
        api.send(
            "POST",
            "api/v1/processes/staff-2027/projects",
            """
            {"title": {"fr": "Un potager collectif"}, "description": {"fr": "Des bacs au parc."},
             "themes": ["greenery"], "estimatedCost": {"amount": "15000", "currency": "EUR"},
             "authors": [{"kind": "resident", "name": "Jeanne", "age": 71}]}
            """,
            "jeanne",
            "participant");
    assertThat(idea.status()).as(idea.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static PortalHttp as(String name, String roles) {
    return new PortalHttp(server.uri(), "X-Polity-Dev-User", name, "X-Polity-Dev-Roles", roles);
  }

  static HttpResponse<String> move(PortalHttp staff, String phase) {
    PortalHttp browser = staff == null ? as("ada", "administrator") : staff;
    String page = browser.get("/staff/editions/staff-2027?lang=en").body();
    return browser.post(
        "/staff/editions/staff-2027/phase",
        Map.of("csrf", PortalHttp.csrf(page), "phase", phase, "why", "On schedule"));
  }

  static String version(String page) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  @Test
  void onlyStaffSeeTheStaffPages() {
    assertThat(new PortalHttp(server.uri()).get("/staff").statusCode()).isEqualTo(303);
    HttpResponse<String> resident = as("jeanne", "participant").get("/staff?lang=en");
    assertThat(resident.statusCode()).isEqualTo(403);
    assertThat(resident.body()).contains("These pages are for the municipality’s staff.");
    assertThat(as("rita", "reviewer").get("/staff?lang=en").body()).contains("Staff 2027");
  }

  @Test
  void aReviewerReviewsTheIdeaAndAGuardExplainsWhyAPhaseCannotOpen() {
    PortalHttp reviewer = as("rita", "reviewer");
    HttpResponse<String> feasibility = move(as("ada", "administrator"), "feasibility");
    assertThat(feasibility.statusCode()).as(feasibility.body()).isEqualTo(200);
    assertThat(feasibility.body()).contains("The phase is open.");
    String page = reviewer.get("/staff/editions/staff-2027?lang=en").body();
    assertThat(page).contains("Ideas to review (1)").contains("Un potager collectif");
    String project =
        page.replaceAll("(?s).*/staff/editions/staff-2027/projects/([^/]+)/status.*", "$1");
    HttpResponse<String> started =
        reviewer.post(
            "/staff/editions/staff-2027/projects/" + project + "/status",
            Map.of("csrf", PortalHttp.csrf(page), "to", "UNDER_REVIEW", "version", version(page)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(started.body()).contains("The project is moved.");

    HttpResponse<String> refused = move(as("ada", "administrator"), "vote");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("This was not done");

    String queue = reviewer.get("/staff/editions/staff-2027?lang=en").body();
    HttpResponse<String> reviewed =
        reviewer.post(
            "/staff/editions/staff-2027/projects/" + project + "/review",
            List.of(
                Map.entry("csrf", PortalHttp.csrf(page)),
                Map.entry("version", version(queue)),
                Map.entry("criterion", "ON_TERRITORY"),
                Map.entry("criterion", "WITHIN_COMPETENCE"),
                Map.entry("criterion", "WITHIN_MAXIMUM_COST"),
                Map.entry("criterion", "PUBLIC_INTEREST"),
                Map.entry("criterion", "WITHIN_THEMES"),
                Map.entry("cost", "18000"),
                Map.entry("answer", "Faisable, avec l'aide du service Espaces verts.")));
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
    assertThat(reviewed.body()).contains("The review is recorded.").contains("Ideas to review (0)");
    String public_ =
        new PortalHttp(server.uri())
            .get("/editions/staff-2027/projects/" + project + "?lang=fr")
            .body();
    assertThat(public_).contains("Faisable, avec l").containsPattern("18[\\u00a0\\u202f ]000");

    HttpResponse<String> csv = reviewer.get("/staff/editions/staff-2027/summary.csv?lang=en");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("Un potager collectif");
  }

  @Test
  void theSummaryIsASpreadsheetWithNumbers() throws Exception {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    HttpResponse<byte[]> xlsx =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    server.uri().resolve("/staff/editions/staff-2027/summary.xlsx?lang=fr"))
                .header("X-Polity-Dev-User", "rita")
                .header("X-Polity-Dev-Roles", "reviewer")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
            new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()));
        var rows = workbook.getFirstSheet().openStream()) {
      List<org.dhatim.fastexcel.reader.Row> all = rows.toList();
      assertThat(all.get(0).getCellText(1)).isEqualTo("title");
      assertThat(all.get(1).getCellText(1)).isEqualTo("Un potager collectif");
      assertThat(all.get(1).getCell(6).getType())
          .isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
    }
    assertThat(
            as("jeanne", "participant").get("/staff/editions/staff-2027/summary.xlsx").statusCode())
        .isEqualTo(403);
  }
}
