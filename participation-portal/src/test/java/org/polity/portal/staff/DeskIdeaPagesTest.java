package org.polity.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.portal.pages.PortalHttp;
import org.polity.portal.pages.PortalTesting;

/**
 * The desk encodes a resident's idea: read as the idea form reads it, the SUBMIT rule applied to
 * what the desk checked, the project's history naming the staff member who encoded it.
 */
class DeskIdeaPagesTest {

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
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}]},
         "budgets": ["desk-ideas-city"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"minimumAge": {"years": 16}}}}
        """;
    Api.Reply declared =
        new Api(server.uri())
            .send("PUT", "api/v1/processes/desk-ideas", definition, "ada", "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    BallotProcess.move(server.uri(), "desk-ideas", "submission");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Map.Entry<String, String>> idea(
      String csrf, String title, String identifier, String birthDate) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("csrf", csrf));
    fields.add(Map.entry("title", title));
    fields.add(Map.entry("description", "Des bancs le long du parc."));
    fields.add(Map.entry("theme", "greenery"));
    fields.add(Map.entry("district", "North"));
    fields.add(Map.entry("cost", "1200"));
    fields.add(Map.entry("author", "Jeanne"));
    fields.add(Map.entry("age", "70"));
    fields.add(Map.entry("identifier", identifier));
    fields.add(Map.entry("document", "IDENTITY_CARD"));
    fields.add(Map.entry("birthDate", birthDate));
    return fields;
  }

  @Test
  void theDeskEncodesAnIdeaUnderTheSubmitRuleAndTheHistoryNamesTheEncoder() {
    PortalHttp eva =
        new PortalHttp(server.uri(), "X-Polity-Dev-User", "eva", "X-Polity-Dev-Roles", "encoder");
    assertThat(eva.get("/desk?lang=en").body()).contains("/desk/ideas/desk-ideas");
    String form = eva.get("/desk/ideas/desk-ideas?lang=en").body();
    assertThat(form).contains("name=\"title\"").contains("name=\"birthDate\"");

    HttpResponse<String> bad =
        eva.post("/desk/ideas/desk-ideas", idea(PortalHttp.csrf(form), "", "r-1", "1950-01-01"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("href=\"#title\"");

    HttpResponse<String> child =
        eva.post(
            "/desk/ideas/desk-ideas",
            idea(PortalHttp.csrf(form), "Un toboggan", "resident-child", "2018-01-01"));
    assertThat(child.statusCode()).isEqualTo(403);
    assertThat(child.body()).contains("The idea was not encoded").contains("16");

    HttpResponse<String> encoded =
        eva.post(
            "/desk/ideas/desk-ideas",
            idea(PortalHttp.csrf(form), "Des bancs", "resident-1950", "1950-01-01"));
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
    assertThat(encoded.body()).contains("The idea is encoded.");

    HttpResponse<String> paper =
        eva.post("/desk/ideas/desk-ideas", idea(PortalHttp.csrf(form), "Un kiosque", "", ""));
    assertThat(paper.statusCode()).as(paper.body()).isEqualTo(200);

    Api.Reply projects = new Api(server.uri()).get("api/v1/processes/desk-ideas/projects");
    List<JsonObject> all = projects.json().getJsonArray("projects").getValuesAs(JsonObject.class);
    assertThat(all)
        .extracting(p -> p.getJsonObject("title").values().iterator().next().toString())
        .containsExactlyInAnyOrder("\"Des bancs\"", "\"Un kiosque\"");
    for (JsonObject project : all) {
      Api.Reply history =
          new Api(server.uri())
              .get("api/v1/processes/desk-ideas/projects/" + project.getString("id") + "/history");
      assertThat(history.body()).contains("encoded by staff");
      Api.Reply staffView =
          new Api(server.uri())
              .send(
                  "GET",
                  "api/v1/processes/desk-ideas/projects/" + project.getString("id"),
                  null,
                  "rita",
                  "reviewer");
      assertThat(staffView.json().getJsonObject("channel").getString("encodedBy")).isEqualTo("eva");
    }
    String id = all.get(0).getString("id");
    assertThat(eva.get("/editions/desk-ideas/projects/" + id + "?lang=en").body())
        .contains("Encoded from a paper form or at the desk by eva");
    assertThat(
            new PortalHttp(server.uri())
                .get("/editions/desk-ideas/projects/" + id + "?lang=en")
                .body())
        .doesNotContain("by eva");
  }
}
