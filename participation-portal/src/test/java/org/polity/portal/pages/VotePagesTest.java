package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;

/**
 * The edition, project and vote pages on the real server (development sign-in headers): the list
 * and its filters, a project's follow-up, a basket refused with every reason, a valid vote with its
 * receipt, and the receipt checked.
 */
class VotePagesTest {

  @TempDir static Path data;
  static PolityServer server;
  static BallotProcess edition;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    edition =
        BallotProcess.create(
            server.uri(),
            "pb-vote",
            List.of("pb-vote-city"),
            100_000,
            List.of(40_000L, 30_000L, 50_000L, 20_000L),
            List.of("Centre", "North", "Centre", "North"),
            null);
    PortalTesting.openVote(server.uri(), edition.budget());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static PortalHttp resident(String name) {
    return new PortalHttp(
        server.uri(), "X-Polity-Dev-User", name, "X-Polity-Dev-Roles", "participant");
  }

  @Test
  void theEditionListsItsProjectsAndFiltersThemByDistrict() {
    PortalHttp browser = new PortalHttp(server.uri());
    String all = browser.get("/editions/pb-vote?lang=en").body();
    for (String project : edition.projects()) {
      assertThat(all).contains("/editions/pb-vote/projects/" + project);
    }
    assertThat(all).contains("4 projects match.").contains("€40,000");
    String north = browser.get("/editions/pb-vote?district=North").body();
    assertThat(north)
        .contains("2 projects match.")
        .contains(edition.projects().get(1))
        .doesNotContain("/projects/" + edition.projects().get(0) + "\"");
    String french = browser.get("/editions/pb-vote?lang=fr").body();
    assertThat(french)
        .contains("4 projets correspondent.")
        .containsPattern("40[\\u00a0\\u202f ]000");
  }

  @Test
  void aProjectPageShowsItsFollowUp() {
    HttpResponse<String> page =
        new PortalHttp(server.uri())
            .get("/editions/pb-vote/projects/" + edition.projects().get(0) + "?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Follow-up").contains("€40,000");
    assertThat(new PortalHttp(server.uri()).get("/editions/pb-vote/projects/nope").statusCode())
        .isEqualTo(404);
    assertThat(new PortalHttp(server.uri()).get("/editions/no-such-edition").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCumulativeBallotTakesPointsPerProjectAndNamesEveryMistake() {
    BallotProcess points =
        BallotProcess.create(server.uri(), "pb-points", 100_000, List.of(10_000L, 20_000L), null);
    PortalTesting.openVote(
        server.uri(),
        points.budget(),
        "{\"kind\":\"cumulative\",\"pointsToSpread\":10,\"spendAllPoints\":true,"
            + "\"maxPointsPerProject\":6}");
    String path = "/editions/" + points.process() + "/vote/" + points.budget();
    PortalHttp browser = resident("petra");
    String page = browser.get(path + "?lang=en").body();
    String first = points.projects().get(0);
    String second = points.projects().get(1);
    assertThat(page)
        .contains("Give all of your 10 points.")
        .contains("At most 6 points on one project.")
        .contains("type=\"number\"")
        .contains("name=\"v-" + first + "\"")
        .doesNotContain("type=\"checkbox\"");
    String csrf = PortalHttp.csrf(page);

    HttpResponse<String> notANumber =
        browser.post(
            path,
            List.of(
                Map.entry("csrf", csrf),
                Map.entry("v-" + first, "five"),
                Map.entry("v-" + second, "-2"),
                Map.entry("action", "check")));
    assertThat(notANumber.statusCode()).isEqualTo(422);
    assertThat(notANumber.body())
        .contains("Your ballot was not accepted")
        .containsPattern("The number for .* is not a whole number from 0")
        .contains("value=\"\"");

    String short9 =
        browser
            .post(
                path,
                List.of(
                    Map.entry("csrf", csrf),
                    Map.entry("v-" + first, "6"),
                    Map.entry("v-" + second, "3"),
                    Map.entry("action", "check")))
            .body();
    assertThat(short9).contains("Your ballot was not accepted").contains("value=\"6\"");

    HttpResponse<String> cast =
        browser.post(
            path,
            List.of(
                Map.entry("csrf", csrf),
                Map.entry("v-" + first, "6"),
                Map.entry("v-" + second, "4"),
                Map.entry("action", "vote")));
    assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
    assertThat(cast.body()).contains("id=\"receipt-code\"");
  }

  @Test
  void aRankingRefusesTwoProjectsOnOneRank() {
    BallotProcess ranks =
        BallotProcess.create(
            server.uri(), "pb-ranks", 100_000, List.of(10_000L, 20_000L, 30_000L), null);
    PortalTesting.openVote(
        server.uri(), ranks.budget(), "{\"kind\":\"ordinal\",\"maxProjects\":2}");
    String path = "/editions/" + ranks.process() + "/vote/" + ranks.budget();
    PortalHttp browser = resident("rik");
    String page = browser.get(path + "?lang=en").body();
    assertThat(page).contains("1 for your first choice").contains("max=\"2\"");
    String csrf = PortalHttp.csrf(page);
    HttpResponse<String> shared =
        browser.post(
            path,
            List.of(
                Map.entry("csrf", csrf),
                Map.entry("v-" + ranks.projects().get(0), "1"),
                Map.entry("v-" + ranks.projects().get(1), "1"),
                Map.entry("action", "vote")));
    assertThat(shared.statusCode()).isEqualTo(422);
    assertThat(shared.body()).contains("share rank 1");
    HttpResponse<String> cast =
        browser.post(
            path,
            List.of(
                Map.entry("csrf", csrf),
                Map.entry("v-" + ranks.projects().get(2), "1"),
                Map.entry("v-" + ranks.projects().get(0), "2"),
                Map.entry("action", "vote")));
    assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
    assertThat(cast.body()).contains("id=\"receipt-code\"");
  }

  @Test
  void anOverBudgetBasketIsRefusedWithItsReasonThenAValidOneGetsAReceipt() {
    PortalHttp browser = resident("vera");
    String ballot = browser.get("/editions/pb-vote/vote/" + edition.budget() + "?lang=en").body();
    assertThat(ballot).contains("Envelope: €100,000.");
    String csrf = PortalHttp.csrf(ballot);
    List<Map.Entry<String, String>> over = new ArrayList<>();
    over.add(Map.entry("csrf", csrf));
    for (int i = 0; i < 3; i++) {
      over.add(Map.entry("project", edition.projects().get(i)));
    }
    List<Map.Entry<String, String>> checking = new ArrayList<>(over);
    checking.add(Map.entry("action", "check"));
    String checked = browser.post("/editions/pb-vote/vote/" + edition.budget(), checking).body();
    assertThat(checked).contains("Your ballot was not accepted").contains("€120,000");
    over.add(Map.entry("action", "vote"));
    HttpResponse<String> refused = browser.post("/editions/pb-vote/vote/" + edition.budget(), over);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Your ballot was not accepted").contains("checked");

    List<Map.Entry<String, String>> valid =
        List.of(
            Map.entry("csrf", csrf),
            Map.entry("project", edition.projects().get(0)),
            Map.entry("project", edition.projects().get(1)),
            Map.entry("action", "vote"));
    HttpResponse<String> cast = browser.post("/editions/pb-vote/vote/" + edition.budget(), valid);
    assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
    Matcher code = Pattern.compile("id=\"receipt-code\">([^<]+)<").matcher(cast.body());
    assertThat(code.find()).as(cast.body()).isTrue();
    String receipt = code.group(1);
    String check =
        new PortalHttp(server.uri())
            .get("/receipts?budget=" + edition.budget() + "&code=" + receipt + "&lang=en")
            .body();
    assertThat(check).contains("A ballot with this receipt is in the count.");
    String unknown =
        new PortalHttp(server.uri())
            .get("/receipts?budget=" + edition.budget() + "&code=AAAA-BBBB&lang=en")
            .body();
    assertThat(unknown).doesNotContain("A ballot with this receipt is in the count.");
  }

  @Test
  void anAnonymousVoterIsAskedToSignIn() {
    PortalHttp browser = new PortalHttp(server.uri());
    String ballot = browser.get("/editions/pb-vote/vote/" + edition.budget() + "?lang=en").body();
    assertThat(ballot).contains("Sign in to vote.");
    HttpResponse<String> cast = voteForTheFirstProject(browser, "pb-vote", ballot);
    assertThat(cast.statusCode()).isEqualTo(303);
    assertThat(cast.headers().firstValue("Location").orElseThrow()).contains("/sign-in?then=");
  }

  @Test
  void aBallotPostedUnderAnotherEditionsAddressIsNotCast() {
    PortalHttp browser = resident("wanda");
    String page = "/editions/pb-vote/vote/" + edition.budget();
    String ballot = browser.get(page + "?lang=en").body();
    HttpResponse<String> elsewhere = voteForTheFirstProject(browser, "no-such-edition", ballot);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).doesNotContain("receipt-code");
    assertThat(browser.get(page + "?lang=en").body()).doesNotContain("You have already voted");
  }

  /** Casts a ballot for the first project, under the vote address of {@code process}. */
  private static HttpResponse<String> voteForTheFirstProject(
      PortalHttp browser, String process, String ballotPage) {
    return browser.post(
        "/editions/" + process + "/vote/" + edition.budget(),
        List.of(
            Map.entry("csrf", PortalHttp.csrf(ballotPage)),
            Map.entry("project", edition.projects().get(0)),
            Map.entry("action", "vote")));
  }
}
