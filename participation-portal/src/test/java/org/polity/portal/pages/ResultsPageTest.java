package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.BallotProcess;

/** The results page: nothing before the vote closes, then every project explained. */
class ResultsPageTest {

  @TempDir static Path data;
  static PolityServer server;
  static Api api;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    api = new Api(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void resultsShowOnlyAfterTheCloseThenExplainEveryProject() throws InterruptedException {
    BallotProcess edition =
        BallotProcess.create(
            server.uri(),
            "pb-results",
            List.of("pb-results-city"),
            100_000,
            List.of(60_000L, 50_000L, 30_000L),
            List.of("Centre", "North", "Centre"),
            null);
    Instant closes = Instant.now().plusSeconds(3);
    Api.Reply declared =
        api.send(
            "PUT",
            "api/v1/budgets/" + edition.budget() + "/vote",
            "{\"opensAt\":\""
                + Instant.now().minusSeconds(3600)
                + "\",\"closesAt\":\""
                + closes
                + "\"}",
            "ada",
            "administrator");
    assertThat(declared.status()).as(declared.body()).isEqualTo(200);
    List<String> p = edition.projects();
    for (int i = 0; i < 3; i++) {
      cast(edition.budget(), "a" + i, p.get(0), p.get(2));
    }
    cast(edition.budget(), "b0", p.get(1));
    String before = new PortalHttp(server.uri()).get("/editions/pb-results/results?lang=en").body();
    assertThat(before).doesNotContain("ballots counted");
    while (Instant.now().isBefore(closes.plusMillis(500))) {
      Thread.sleep(200);
    }
    String after = new PortalHttp(server.uri()).get("/editions/pb-results/results?lang=en").body();
    assertThat(after)
        .contains("4 ballots counted.")
        .contains("Votes per project")
        .contains("<meter min=\"0\" max=\"3\" value=\"3\"");
    String table = after.substring(after.indexOf("<table>"));
    assertThat(table.indexOf(p.get(0))).isLessThan(table.indexOf(p.get(1)));
    assertThat(table).contains("not funded");
    String french = new PortalHttp(server.uri()).get("/editions/pb-results/results?lang=fr").body();
    assertThat(french).contains("4 bulletins comptés.").contains("non financé");

    PortalHttp admin =
        new PortalHttp(
            server.uri(), "X-Polity-Dev-User", "ada", "X-Polity-Dev-Roles", "administrator");
    String staff = admin.get("/staff/editions/pb-results?lang=en").body();
    java.net.http.HttpResponse<String> next =
        admin.post(
            "/staff/editions/pb-results/phase",
            Map.of("csrf", PortalHttp.csrf(staff), "phase", "", "why", "The vote is over"));
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    java.net.http.HttpResponse<String> published =
        admin.post(
            "/staff/editions/pb-results/results",
            Map.of("csrf", PortalHttp.csrf(staff), "why", "Counted by the greedy rule"));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(published.body()).contains("The results are published.");
    java.net.http.HttpResponse<String> started =
        admin.post(
            "/staff/editions/pb-results/projects/" + p.get(0) + "/status",
            Map.of(
                "csrf",
                PortalHttp.csrf(staff),
                "to",
                "IN_PROGRESS",
                "why",
                "Works start",
                "version",
                version(published.body(), p.get(0))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    java.net.http.HttpResponse<String> progress =
        admin.post(
            "/staff/editions/pb-results/projects/" + p.get(0) + "/progress",
            Map.of(
                "csrf", PortalHttp.csrf(staff),
                "percent", "40",
                "milestone", "Benches ordered",
                "milestoneDate", "2027-03-01",
                "reached", "yes",
                "version", version(started.body(), p.get(0))));
    assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
    String project =
        new PortalHttp(server.uri())
            .get("/editions/pb-results/projects/" + p.get(0) + "?lang=en")
            .body();
    assertThat(project)
        .contains("Progress of the works")
        .contains("40 %")
        .contains("Benches ordered");
  }

  /** The version the staff page shows for a project's forms. */
  static String version(String page, String project) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "projects/"
                    + project
                    + "/status\" class=\"inline\">\\s*<input type=\"hidden\""
                    + " name=\"csrf\" value=\"[^\"]*\">\\s*<input type=\"hidden\" name=\"version\""
                    + " value=\"(\\d+)\"")
            .matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  static void cast(String budget, String user, String... projects) {
    StringBuilder body = new StringBuilder("{\"kind\":\"approval\",\"projects\":[");
    for (int i = 0; i < projects.length; i++) {
      body.append(i == 0 ? "" : ",").append('"').append(projects[i]).append('"');
    }
    Api.Reply reply =
        api.send(
            "POST",
            "api/v1/budgets/" + budget + "/ballots",
            body.append("]}").toString(),
            user,
            "participant");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
  }
}
