package org.polity.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.portal.pages.PortalHttp;
import org.polity.portal.pages.PortalTesting;

/** Moderators publish or reject the initiatives proposed for the map from the portal. */
class ModerationPagesTest {

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

  static String propose(String title) {
    String body =
        "{\"title\":{\"fr\":\""
            + title
            + "\"},\"kind\":\"citizens-assembly\",\"organiser\":\"Collectif X\","
            + "\"organiserType\":\"citizen-group\",\"themes\":[\"climate\"],\"scale\":\"municipality\","
            + "\"recruitment\":\"by-lot\",\"start\":\"2026-09-01\",\"ongoing\":true,"
            + "\"point\":[4.3517,50.8466]}";
    Api.Reply proposed = api.send("POST", "api/v1/initiatives", body, "alice", "participant");
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    return proposed.json().getString("id");
  }

  @Test
  void aModeratorPublishesOneAndRejectsAnotherWithAReason() {
    String kept = propose("Panel climat");
    String refused = propose("Publicité");
    PortalHttp moderator =
        new PortalHttp(server.uri(), "X-Polity-Dev-User", "mo", "X-Polity-Dev-Roles", "moderator");
    String queue = moderator.get("/staff/moderation?lang=en").body();
    assertThat(queue).contains("Panel climat").contains("Publicité");
    String csrf = PortalHttp.csrf(queue);
    HttpResponse<String> published =
        moderator.post(
            "/staff/moderation/" + kept,
            Map.of("csrf", csrf, "decision", "publish", "version", "1"));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(published.body()).contains("The initiative is published.");
    HttpResponse<String> rejected =
        moderator.post(
            "/staff/moderation/" + refused,
            Map.of("csrf", csrf, "decision", "reject", "reason", "Commercial", "version", "1"));
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.body())
        .contains("The initiative is rejected.")
        .doesNotContain("Panel climat")
        .doesNotContain("Publicité");
    assertThat(api.get("ogc/collections/initiatives/items/" + kept).status()).isEqualTo(200);
    assertThat(api.get("ogc/collections/initiatives/items/" + refused).status()).isEqualTo(404);
  }

  @Test
  void aReviewerIsNotAModerator() {
    propose("Budget jeunes");
    PortalHttp reviewer =
        new PortalHttp(server.uri(), "X-Polity-Dev-User", "rita", "X-Polity-Dev-Roles", "reviewer");
    assertThat(reviewer.get("/staff/moderation?lang=en").statusCode()).isEqualTo(403);
  }
}
