package org.polity.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The one-stop desk: an encoder attests a resident's evidence and encodes their paper ballot; the
 * edition's age rule applies to what was attested, and one person votes once whatever the channel.
 */
class DeskPagesTest {

  @TempDir static Path data;
  static PolityServer server;
  static BallotProcess edition;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    edition =
        BallotProcess.create(
            server.uri(),
            "pb-desk",
            List.of("pb-desk-city"),
            100_000,
            List.of(40_000L, 30_000L, 50_000L),
            List.of("Centre", "North", "Centre"),
            null,
            "{\"minimumAge\": {\"years\": 16}}",
            Set.of());
    PortalTesting.openVote(server.uri(), edition.budget());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static PortalHttp encoder() {
    return new PortalHttp(
        server.uri(), "X-Polity-Dev-User", "eva", "X-Polity-Dev-Roles", "encoder");
  }

  static HttpResponse<String> encode(
      PortalHttp desk, String identifier, String birthDate, String... projects) {
    String form = desk.get("/desk/ballots/" + edition.budget() + "?lang=en").body();
    List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    fields.add(Map.entry("csrf", PortalHttp.csrf(form)));
    fields.add(Map.entry("identifier", identifier));
    fields.add(Map.entry("document", "IDENTITY_CARD"));
    fields.add(Map.entry("birthDate", birthDate));
    for (String project : projects) {
      fields.add(Map.entry("project", project));
    }
    return desk.post("/desk/ballots/" + edition.budget(), fields);
  }

  @Test
  void anAdministratorExtendsTheVoteWithAReasonAndAReviewerMayNot() {
    PortalHttp admin =
        new PortalHttp(
            server.uri(), "X-Polity-Dev-User", "ada", "X-Polity-Dev-Roles", "administrator");
    String page = admin.get("/staff/editions/pb-desk?lang=en").body();
    String later =
        java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Brussels"))
            .plusDays(3)
            .withSecond(0)
            .withNano(0)
            .toString();
    HttpResponse<String> extended =
        admin.post(
            "/staff/editions/pb-desk/vote/" + edition.budget(),
            Map.of("csrf", PortalHttp.csrf(page), "closesAt", later, "why", "Strike of the post"));
    assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
    assertThat(extended.body()).contains("The vote now closes on");
    PortalHttp reviewer =
        new PortalHttp(server.uri(), "X-Polity-Dev-User", "rita", "X-Polity-Dev-Roles", "reviewer");
    String mine = reviewer.get("/staff/editions/pb-desk?lang=en").body();
    HttpResponse<String> refused =
        reviewer.post(
            "/staff/editions/pb-desk/vote/" + edition.budget(),
            Map.of("csrf", PortalHttp.csrf(mine), "closesAt", ""));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(new Api(server.uri()).get("api/v1/budgets/" + edition.budget() + "/vote").body())
        .contains("Strike of the post");
  }

  @Test
  void theDeskListsTheBudgetsAndRefusesResidents() {
    assertThat(encoder().get("/desk?lang=en").body()).contains("/desk/ballots/" + edition.budget());
    PortalHttp resident =
        new PortalHttp(
            server.uri(), "X-Polity-Dev-User", "paul", "X-Polity-Dev-Roles", "participant");
    assertThat(resident.get("/desk").statusCode()).isEqualTo(403);
  }

  @Test
  void aPaperBallotCountsOnceAndTheAgeRuleAppliesToWhatWasAttested() {
    PortalHttp desk = encoder();
    List<String> p = edition.projects();
    HttpResponse<String> counted = encode(desk, "resident-1970", "1970-04-02", p.get(0), p.get(1));
    assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
    assertThat(counted.body()).contains("The ballot counts. Receipt for the resident:");

    HttpResponse<String> again = encode(desk, "resident-1970", "1970-04-02", p.get(2));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("The ballot was not encoded");

    HttpResponse<String> child = encode(desk, "resident-2017", "2017-06-01", p.get(0));
    assertThat(child.statusCode()).isEqualTo(403);
    assertThat(child.body()).contains("The ballot was not encoded").contains("16");

    HttpResponse<String> over =
        encode(desk, "resident-1980", "1980-01-01", p.get(0), p.get(1), p.get(2));
    assertThat(over.statusCode()).isEqualTo(422);
    assertThat(over.body()).contains("checked");
  }
}
