package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.sortition.Pool;
import org.polity.sortition.SortitionCsv;

/**
 * An assembly's pool through the REST API on H2: staff declare the features, a participant
 * volunteers once, an encoder registers a resident at the desk with what they checked, and staff
 * download the people file that {@code polity sortition} reads.
 */
class PoolApiTest {

  @TempDir static Path data;

  @BeforeAll
  static void startOnH2() {
    ProcessApiContract.start(TestDatabase.h2(data));
  }

  @AfterAll
  static void stop() {
    ProcessApiContract.stop();
  }

  private static final String FEATURES =
      """
      {"features": [
        {"name": "gender", "label": {"en": "Gender", "fr": "Genre", "nl": "Gender"},
         "values": [{"id": "female", "label": {"en": "Female"}},
                    {"id": "male", "label": {"en": "Male"}}]},
        {"name": "age_band", "label": {"en": "Age", "fr": "Âge", "nl": "Leeftijd"},
         "values": [{"id": "16-29", "label": {"en": "16 to 29"}},
                    {"id": "30+", "label": {"en": "30 or more"}}]}]}
      """;

  @Test
  void staffDeclareResidentsRegisterOnlineAndAtTheDeskAndStaffExportTheCsv() throws Exception {
    String process = ProcessApiContract.unique("assembly");
    String definition =
        """
        {"title": {"en": "Assembly"}, "kind": "CITIZENS_ASSEMBLY", "zone": "Europe/Brussels",
         "progression": "BY_STAFF",
         "phases": [{"id": "information", "kind": "INFORMATION", "actions": []},
                    {"id": "registration", "kind": "INFORMATION", "actions": ["BE_DRAWN"]}],
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}},
         "rules": {"envelope": {"amount": "1", "currency": "EUR"}},
         "eligibility": {"BE_DRAWN": {"everyone": {}}}}
        """;
    var declared =
        ProcessApiContract.send(
            "PUT", "api/v1/processes/" + process, definition, "ada", "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    String pool = "api/v1/processes/" + process + "/pool";

    var none = ProcessApiContract.send("GET", pool, null, null, null, "Accept-Language", "fr");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().getString("type")).endsWith("/pool-not-declared");
    assertThat(none.json().getString("detail")).contains("n’a pas de vivier");

    var byResident = ProcessApiContract.send("PUT", pool, FEATURES, "jeanne", "participant");
    assertThat(byResident.status()).isEqualTo(403);
    var put = ProcessApiContract.send("PUT", pool, FEATURES, "eric", "encoder");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.header("ETag")).isNotNull();
    var read = ProcessApiContract.send("GET", pool, null, null, null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().getJsonArray("features")).hasSize(2);

    var malformed = ProcessApiContract.send("PUT", pool, "{\"features\": [{}]}", "eric", "encoder");
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);

    ProcessApiContract.openPhase(process, "registration");
    String answers = "{\"features\": {\"gender\": \"female\", \"age_band\": \"30+\"}}";
    var registered =
        ProcessApiContract.send("POST", pool + "/registrations", answers, "jeanne", "participant");
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(registered.json().getString("channel")).isEqualTo("online");
    var twice =
        ProcessApiContract.send(
            "POST",
            pool + "/registrations",
            answers,
            "jeanne",
            "participant",
            "Accept-Language",
            "nl");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().getString("type")).endsWith("/already-registered");
    var mine =
        ProcessApiContract.send("GET", pool + "/registration", null, "jeanne", "participant");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().getJsonObject("features").getString("age_band")).isEqualTo("30+");

    var wrong =
        ProcessApiContract.send(
            "POST",
            pool + "/registrations",
            "{\"features\": {\"gender\": \"robot\"}}",
            "omar",
            "participant");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().getString("type")).endsWith("/invalid-pool-answers");

    var desk =
        ProcessApiContract.send(
            "POST",
            pool + "/desk-registrations",
            """
            {"identifier": "85.07.30-033.61",
             "attestation": {"document": "identity-card", "birthDate": "1985-07-30"},
             "features": {"gender": "male", "age_band": "30+"}}
            """,
            "eric",
            "encoder");
    assertThat(desk.status()).as(desk.body()).isEqualTo(201);
    assertThat(desk.json().getString("channel")).isEqualTo("desk");
    assertThat(desk.json().getString("encodedBy")).isEqualTo("eric");

    var csv = ProcessApiContract.send("GET", pool + "/registrations.csv", null, "eric", "encoder");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("id,gender,age_band,channel,encoded_by");
    assertThat(csv.body()).doesNotContain("jeanne").doesNotContain("85.07.30");
    Path file = data.resolve("pool.csv");
    Files.writeString(file, csv.body());
    Pool people = SortitionCsv.readPeople(file, "id");
    assertThat(people.size()).isEqualTo(2);
    assertThat(people.respondents().get(1).value("encoded_by")).isEqualTo("eric");

    var residentCsv =
        ProcessApiContract.send("GET", pool + "/registrations.csv", null, "jeanne", "participant");
    assertThat(residentCsv.status()).isEqualTo(403);

    var withdrawn =
        ProcessApiContract.send("DELETE", pool + "/registration", null, "jeanne", "participant");
    assertThat(withdrawn.status()).isEqualTo(204);
    var gone =
        ProcessApiContract.send("GET", pool + "/registration", null, "jeanne", "participant");
    assertThat(gone.status()).isEqualTo(404);
    var list =
        ProcessApiContract.send("GET", pool + "/registrations", null, "ada", "administrator");
    assertThat(list.json().getJsonArray("registrations")).hasSize(1);
  }
}
