package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.testing.TestDatabase;

/**
 * Process kinds through the REST API on H2: a consultation moves through its phases but has no
 * projects, and every project endpoint says so (409 {@code process-has-no-projects}) in the
 * reader's language.
 */
class ProcessKindsApiTest {

  @TempDir static Path data;

  @BeforeAll
  static void startOnH2() {
    ProcessApiContract.start(TestDatabase.h2(data));
  }

  @AfterAll
  static void stop() {
    ProcessApiContract.stop();
  }

  @Test
  void theProjectEndpointsOfAConsultationAnswerThatItHasNoProjects() {
    String process = ProcessApiContract.unique("consultation");
    String definition =
        """
        {"title": {"en": "Consultation"}, "kind": "CONSULTATION", "zone": "Europe/Brussels",
         "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"}},
         "eligibility": {"SUBMIT": {"everyone": {}}}}
        """;
    var declared =
        ProcessApiContract.send(
            "PUT", "api/v1/processes/" + process, definition, "ada", "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    assertThat(declared.json().getString("kind")).isEqualTo("CONSULTATION");
    ProcessApiContract.openPhase(process, "submission");

    var list =
        ProcessApiContract.send(
            "GET",
            "api/v1/processes/" + process + "/projects",
            null,
            null,
            null,
            "Accept-Language",
            "fr");
    assertThat(list.status()).as(list.body()).isEqualTo(409);
    assertThat(list.json().getString("type")).endsWith("/process-has-no-projects");
    assertThat(list.header("Content-Language")).isEqualTo("fr");
    assertThat(list.json().getString("detail")).contains("pas de projets");

    var submit =
        ProcessApiContract.send(
            "POST",
            "api/v1/processes/" + process + "/projects",
            """
            {"title": {"fr": "Un potager"}, "description": {"fr": "Des bacs."},
             "estimatedCost": {"amount": "1000", "currency": "EUR"},
             "authors": [{"kind": "association", "name": "Les Amis"}]}
            """,
            "jeanne",
            "participant",
            "Accept-Language",
            "nl");
    assertThat(submit.status()).as(submit.body()).isEqualTo(409);
    assertThat(submit.json().getString("type")).endsWith("/process-has-no-projects");
    assertThat(submit.json().getString("detail")).contains("geen projecten");

    var process404 =
        ProcessApiContract.send(
            "GET", "api/v1/processes/" + process + "-not/projects", null, null, null);
    assertThat(process404.status()).isEqualTo(404);
  }
}
