package org.polity.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.polity.portal.pages.PortalHttp;
import org.polity.portal.pages.PortalTesting;
import org.polity.sortition.Pool;
import org.polity.sortition.SortitionCsv;

/**
 * An assembly's pool from the portal: staff declare its features and download the people file, a
 * resident volunteers (the BE_DRAWN age rule applied to their evidence), and the desk registers a
 * resident on what it checked, recorded as encoded at the desk by the staff member.
 */
class PoolPagesTest {

  @TempDir static Path data;
  static PolityServer server;

  static final String FEATURES =
      """
      {"features": [
        {"name": "gender", "label": {"en": "Gender", "fr": "Genre", "nl": "Gender"},
         "values": [{"id": "female", "label": {"en": "Female", "fr": "Femme", "nl": "Vrouw"}},
                    {"id": "male", "label": {"en": "Male", "fr": "Homme", "nl": "Man"}}]}]}
      """;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    declare("assembly-2027");
    declare("assembly-new");
    Api.Reply pool =
        new Api(server.uri())
            .send("PUT", "api/v1/processes/assembly-2027/pool", FEATURES, "eva", "encoder");
    assertThat(pool.status()).as(pool.body()).isEqualTo(200);
  }

  static void declare(String id) {
    String definition =
        """
        {"title": {"en": "Climate assembly", "fr": "Assemblée climat", "nl": "Klimaatpanel"},
         "kind": "CITIZENS_ASSEMBLY", "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "phases": [{"id": "information", "kind": "INFORMATION", "actions": []},
                    {"id": "registration", "kind": "INFORMATION", "actions": ["BE_DRAWN"]}],
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}},
         "rules": {"envelope": {"amount": "1", "currency": "EUR"}},
         "eligibility": {"BE_DRAWN": {"minimumAge": {"years": 16}}}}
        """;
    Api.Reply declared =
        new Api(server.uri())
            .send("PUT", "api/v1/processes/" + id, definition, "ada", "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    BallotProcess.move(server.uri(), id, "registration");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static PortalHttp staff() {
    return new PortalHttp(
        server.uri(), "X-Polity-Dev-User", "eva", "X-Polity-Dev-Roles", "encoder");
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
  void staffDeclareTheFeaturesAsLinesAndResidentsThenFindThePage() {
    PortalHttp eva = staff();
    assertThat(
            resident("lou", "1990-01-01").get("/editions/assembly-new/pool?lang=en").statusCode())
        .isEqualTo(404);
    assertThat(eva.get("/editions/assembly-new?lang=en").statusCode())
        .as("an assembly without a pool has no page of its own yet")
        .isEqualTo(409);
    String page = eva.get("/staff/pool/assembly-new?lang=en").body();
    assertThat(page).contains("No pool is declared");

    HttpResponse<String> bad =
        eva.post(
            "/staff/pool/assembly-new",
            Map.of("csrf", PortalHttp.csrf(page), "features", "gender\n  female = Femme"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("Line 1");

    String lines =
        "age_band = Âge / Leeftijd / Age\n"
            + "  16-29 = 16 à 29 ans / 16 tot 29 jaar / 16 to 29\n"
            + "  30+ = 30 ans ou plus / 30 jaar of meer / 30 or more\n"
            + "district = Quartier / Wijk / District\n"
            + "  north = Nord / Noord / North\n"
            + "  south = Sud / Zuid / South\n";
    HttpResponse<String> declared =
        eva.post(
            "/staff/pool/assembly-new", Map.of("csrf", PortalHttp.csrf(page), "features", lines));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
    assertThat(declared.body()).contains("The pool’s features are declared.");
    assertThat(declared.body()).contains("30+ = 30 ans ou plus / 30 jaar of meer / 30 or more");

    HttpResponse<String> edition = eva.get("/editions/assembly-new?lang=en");
    assertThat(edition.statusCode()).isEqualTo(303);
    assertThat(edition.headers().firstValue("Location").orElse(""))
        .endsWith("/editions/assembly-new/pool");
    String form = resident("lou", "1990-01-01").get("/editions/assembly-new/pool?lang=nl").body();
    assertThat(form).contains("<legend>Leeftijd</legend>").contains("30 jaar of meer");
    Api.Reply api = new Api(server.uri()).get("api/v1/processes/assembly-new/pool");
    assertThat(api.json().getJsonArray("features")).hasSize(2);

    assertThat(resident("lou", "1990-01-01").get("/staff/pool/assembly-new").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aResidentVolunteersOnceTheAgeRuleRefusesAChildWithItsReasonAndTheyMayWithdraw() {
    PortalHttp noa = resident("noa", "1980-01-01");
    String form = noa.get("/editions/assembly-2027/pool?lang=en").body();
    assertThat(form).contains("name=\"feature.gender\"").contains("Female");
    HttpResponse<String> missing =
        noa.post("/editions/assembly-2027/pool", Map.of("csrf", PortalHttp.csrf(form)));
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(missing.body()).contains("Answer the question \"Gender\"");

    HttpResponse<String> registered =
        noa.post(
            "/editions/assembly-2027/pool",
            Map.of("csrf", PortalHttp.csrf(form), "feature.gender", "female"));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    assertThat(registered.body())
        .contains("You are registered")
        .contains("You are in the pool since");

    HttpResponse<String> twice =
        noa.post(
            "/editions/assembly-2027/pool",
            Map.of("csrf", PortalHttp.csrf(form), "feature.gender", "male"));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("each person registers once");

    PortalHttp child = resident("tim", "2016-05-05");
    String childForm = child.get("/editions/assembly-2027/pool?lang=fr").body();
    HttpResponse<String> young =
        child.post(
            "/editions/assembly-2027/pool",
            Map.of("csrf", PortalHttp.csrf(childForm), "feature.gender", "male"));
    assertThat(young.statusCode()).isEqualTo(403);
    assertThat(young.body()).contains("Vous n’avez pas pu être inscrit").contains("16");

    String mine = noa.get("/editions/assembly-2027/pool?lang=en").body();
    HttpResponse<String> withdrawn =
        noa.post("/editions/assembly-2027/pool/withdrawal", Map.of("csrf", PortalHttp.csrf(mine)));
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("You are no longer in the pool.");
  }

  @Test
  void theDeskRegistersOnWhatItCheckedAndTheCsvRecordsTheEncoder() throws Exception {
    PortalHttp eva = staff();
    assertThat(eva.get("/desk?lang=en").body()).contains("/desk/pool/assembly-2027");
    String form = eva.get("/desk/pool/assembly-2027?lang=en").body();
    List<Map.Entry<String, String>> child =
        List.of(
            Map.entry("csrf", PortalHttp.csrf(form)),
            Map.entry("identifier", "resident-2016"),
            Map.entry("document", "IDENTITY_CARD"),
            Map.entry("birthDate", "2016-02-02"),
            Map.entry("feature.gender", "male"));
    HttpResponse<String> young = eva.post("/desk/pool/assembly-2027", child);
    assertThat(young.statusCode()).isEqualTo(403);
    assertThat(young.body()).contains("The resident was not registered").contains("16");

    List<Map.Entry<String, String>> adult =
        List.of(
            Map.entry("csrf", PortalHttp.csrf(form)),
            Map.entry("identifier", "resident-1975"),
            Map.entry("document", "PASSPORT"),
            Map.entry("birthDate", "1975-02-02"),
            Map.entry("feature.gender", "male"));
    HttpResponse<String> registered = eva.post("/desk/pool/assembly-2027", adult);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    assertThat(registered.body()).contains("encoded at the desk by eva");
    HttpResponse<String> again = eva.post("/desk/pool/assembly-2027", adult);
    assertThat(again.statusCode()).isEqualTo(409);

    HttpResponse<String> csv = eva.get("/staff/pool/assembly-2027/registrations.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("id,gender,channel,encoded_by").contains(",male,desk,eva");
    assertThat(csv.body()).doesNotContain("resident-1975");
    Path file = data.resolve("people.csv");
    Files.writeString(file, csv.body());
    Pool pool = SortitionCsv.readPeople(file, "id");
    assertThat(pool.respondents()).anyMatch(r -> r.value("encoded_by").equals("eva"));
    assertThat(eva.get("/staff/pool/assembly-2027?lang=en").body()).contains("at the desk");
  }
}
