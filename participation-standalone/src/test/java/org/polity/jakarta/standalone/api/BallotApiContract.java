package org.polity.jakarta.standalone.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.standalone.testing.Api.Reply;
import org.polity.jakarta.voting.BallotJson;
import org.polity.voting.BallotBox;
import org.polity.voting.CountedBallot;

/**
 * The ballot API on a real server and database; subclasses choose the database. Each test uses its
 * own budget, so the tests do not depend on each other.
 */
abstract class BallotApiContract extends DevelopmentServerContract {

  static String budget(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  /** Declares an open vote on a fresh budget, as an administrator would. */
  static String openVote(String name, boolean changesAllowed, boolean secondEncoder) {
    String budget = budget(name);
    Reply reply =
        api.send(
            "PUT",
            "api/v1/budgets/" + budget + "/vote",
            "{\"opensAt\":\""
                + Instant.now().minusSeconds(3600)
                + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86400)
                + "\",\"changesAllowed\":"
                + changesAllowed
                + ",\"secondEncoderRequired\":"
                + secondEncoder
                + "}",
            "ada",
            "administrator");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return budget;
  }

  static Reply cast(String budget, String user, String body) {
    return api.send("POST", "api/v1/budgets/" + budget + "/ballots", body, user, "participant");
  }

  static List<Ballot> counted(String budget) {
    return server.bean(BallotBox.class).countedBallots(BudgetId.of(budget)).stream()
        .map(CountedBallot::ballot)
        .toList();
  }

  @Test
  void castCheckAndChangeABallot() {
    String budget = openVote("city", true, false);
    Reply first = cast(budget, "alice", "{\"kind\":\"approval\",\"projects\":[\"p1\",\"p2\"]}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String receipt = first.json().getString("receipt");
    assertThat(receipt).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
    assertThat(first.json().getBoolean("replaced")).isFalse();

    Reply check = api.get("api/v1/budgets/" + budget + "/receipts/" + receipt);
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().getString("status")).isEqualTo("counted");
    // The receipt shows that the ballot counts and its fingerprint in the published ballots, not
    // its contents: a receipt that showed them would let a voter prove their vote (issue 13).
    assertThat(check.json().containsKey("ballot")).isFalse();
    assertThat(check.json().getString("receiptHash"))
        .isEqualTo(org.polity.voting.ReceiptCode.parse(receipt).hash().hex());

    Reply second = cast(budget, "alice", "{\"kind\":\"approval\",\"projects\":[\"p3\"]}");
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().getBoolean("replaced")).isTrue();
    String newReceipt = second.json().getString("receipt");

    assertThat(
            api.get("api/v1/budgets/" + budget + "/receipts/" + receipt).json().getString("status"))
        .isEqualTo("not-counted");
    assertThat(
            api.get("api/v1/budgets/" + budget + "/receipts/" + newReceipt.toLowerCase())
                .json()
                .getString("status"))
        .isEqualTo("counted");

    Reply turnout =
        api.send("GET", "api/v1/budgets/" + budget + "/turnout", null, "rita", "reviewer");
    assertThat(turnout.json().getInt("total")).isEqualTo(1);
    assertThat(turnout.json().getJsonObject("byChannel").getInt("online")).isEqualTo(1);
    Reply mine =
        api.send(
            "GET", "api/v1/budgets/" + budget + "/participation", null, "alice", "participant");
    assertThat(mine.json().getString("status")).isEqualTo("voted");
    Reply notMine =
        api.send("GET", "api/v1/budgets/" + budget + "/participation", null, "bob", "participant");
    assertThat(notMine.json().getString("status")).isEqualTo("not-voted");
    assertThat(counted(budget))
        .containsExactly(BallotJson.parse("{\"kind\":\"approval\",\"projects\":[\"p3\"]}"));
  }

  @Test
  void withoutChangesASecondBallotIsA409AndNoVoteIsA404() {
    String budget = openVote("once", false, false);
    assertThat(cast(budget, "alice", "{\"kind\":\"approval\",\"projects\":[\"p1\"]}").status())
        .isEqualTo(201);
    Reply again = cast(budget, "alice", "{\"kind\":\"approval\",\"projects\":[\"p2\"]}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().getString("type")).endsWith("/already-voted");
    Reply none =
        cast(budget("undeclared"), "alice", "{\"kind\":\"approval\",\"projects\":[\"p1\"]}");
    assertThat(none.status()).isEqualTo(404);
    assertThat(counted(budget))
        .containsExactly(BallotJson.parse("{\"kind\":\"approval\",\"projects\":[\"p1\"]}"));
  }

  @Test
  void paperBallotsWaitForASecondDifferentEncoder() {
    String budget = openVote("paper", false, true);
    String ballot = "{\"kind\":\"approval\",\"projects\":[\"p4\"]}";
    Reply first =
        api.send(
            "POST",
            "api/v1/budgets/" + budget + "/paper-ballots",
            "{\"identifier\":\"resident-17\",\"ballot\":" + ballot + "}",
            "eric",
            "encoder");
    assertThat(first.status()).as(first.body()).isEqualTo(202);
    String pending = first.json().getString("pendingEncoding");
    String confirm = "api/v1/budgets/" + budget + "/paper-ballots/" + pending + "/confirmation";
    assertThat(api.send("POST", confirm, ballot, "eric", "encoder").json().getString("type"))
        .endsWith("/same-encoder");
    assertThat(
            api.send(
                    "POST",
                    confirm,
                    "{\"kind\":\"approval\",\"projects\":[\"p5\"]}",
                    "erin",
                    "encoder")
                .json()
                .getString("type"))
        .endsWith("/encoding-mismatch");
    assertThat(counted(budget)).isEmpty();
    Reply confirmed = api.send("POST", confirm, ballot, "erin", "encoder");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    assertThat(counted(budget)).containsExactly(BallotJson.parse(ballot));
    // The same resident, signed in online with the same identifier, has voted already.
    Reply online = cast(budget, "resident-17", ballot);
    assertThat(online.status()).isEqualTo(409);
  }

  @Test
  void everyBallotKindRoundTrips() {
    String budget = openVote("kinds", true, false);
    String[] bodies = {
      "{\"kind\":\"cardinal\",\"scores\":{\"p1\":3,\"p2\":0}}",
      "{\"kind\":\"cumulative\",\"points\":{\"p1\":2,\"p2\":3}}",
      "{\"kind\":\"ordinal\",\"ranking\":[\"p2\",\"p1\"]}",
    };
    for (int i = 0; i < bodies.length; i++) {
      Reply reply = cast(budget, "voter" + i, bodies[i]);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
    assertThat(counted(budget))
        .containsExactlyInAnyOrder(
            BallotJson.parse(bodies[0]), BallotJson.parse(bodies[1]), BallotJson.parse(bodies[2]));
  }

  @Test
  void invalidInputIsA400ProblemNamingTheField() {
    String budget = openVote("bad", true, false);
    Reply unknown =
        cast(budget, "carol", "{\"kind\":\"approval\",\"projects\":[\"p1\"],\"extra\":1}");
    assertProblem(unknown, 400, "extra");
    Reply wrongType = cast(budget, "carol", "{\"kind\":\"approval\",\"projects\":\"p1\"}");
    assertProblem(wrongType, 400, "projects");
    Reply negative = cast(budget, "carol", "{\"kind\":\"cardinal\",\"scores\":{\"p1\":-1}}");
    assertProblem(negative, 400, "scores.p1");
    Reply twice = cast(budget, "carol", "{\"kind\":\"ordinal\",\"ranking\":[\"p1\",\"p1\"]}");
    assertProblem(twice, 400, "ranking[1]");
    Reply kind = cast(budget, "carol", "{\"kind\":\"lottery\"}");
    assertProblem(kind, 400, "kind");
    Reply malformed = cast(budget, "carol", "{\"kind\": ");
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    Reply badId = cast("bad!id", "carol", "{\"kind\":\"approval\",\"projects\":[]}");
    assertProblem(badId, 400, "budgetId");
    Reply badReceipt = api.get("api/v1/budgets/" + budget + "/receipts/not-a-code");
    assertProblem(badReceipt, 400, "code");
    Reply badVote =
        api.send(
            "PUT",
            "api/v1/budgets/" + budget("v") + "/vote",
            "{\"opensAt\":\"yesterday\",\"closesAt\":1,\"changesAllowed\":\"yes\"}",
            "ada",
            "administrator");
    assertProblem(badVote, 400, "opensAt");
    assertThat(badVote.body()).contains("closesAt").contains("changesAllowed");
    // Nothing was stored by any refused request.
    assertThat(counted(budget)).isEmpty();
  }

  @Test
  void unknownAddressesAndMethodsAreProblems() {
    Reply missing = api.get("api/v1/nothing-here");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(missing.json().getInt("status")).isEqualTo(404);
    Reply method = api.send("DELETE", "api/v1/me", null, null, null);
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.contentType()).startsWith("application/problem+json");
    Reply type = api.send("POST", "api/v1/budgets/b/ballots", "", "dan", "participant");
    assertThat(type.status()).isIn(400, 415);
    assertThat(type.contentType()).startsWith("application/problem+json");
  }

  @Test
  void healthReportsTheDatabase() {
    Reply health = api.send("GET", "health", null, "ada", "administrator");
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(health.body()).contains("polity-database");
    Reply anonymous = api.get("health");
    assertThat(anonymous.json().getString("status")).isEqualTo("UP");
    assertThat(anonymous.body())
        .as("anonymous callers only learn UP or DOWN")
        .isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void concurrentCastsOfOneParticipantLeaveExactlyOneCountedBallot() throws Exception {
    String budget = openVote("race", true, false);
    int clients = 24;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      String body = "{\"kind\":\"approval\",\"projects\":[\"p" + i + "\"]}";
      Callable<Reply> call =
          () -> {
            go.await();
            return cast(budget, "eve", body);
          };
      replies.add(pool.submit(call));
    }
    go.countDown();
    int created = 0;
    int replaced = 0;
    for (Future<Reply> reply : replies) {
      Reply r = reply.get();
      if (r.status() == 201) {
        created++;
      } else if (r.status() == 200) {
        replaced++;
      } else {
        throw new AssertionError("Unexpected reply " + r);
      }
    }
    pool.shutdown();
    assertThat(created).isEqualTo(1);
    assertThat(replaced).isEqualTo(clients - 1);
    assertThat(countRows("polity_participation", budget)).isEqualTo(1);
    assertThat(countRows("polity_ballot", budget)).isEqualTo(1);
  }

  static long countRows(String table, String budget) throws SQLException {
    try (Connection connection = server.bean(PolityDatabase.class).dataSource().getConnection();
        var statement =
            connection.prepareStatement("select count(*) from " + table + " where budget_id = ?")) {
      statement.setString(1, budget);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  static void assertProblem(Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    var json = reply.json();
    assertThat(json.getInt("status")).isEqualTo(status);
    assertThat(json.getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains(field);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
