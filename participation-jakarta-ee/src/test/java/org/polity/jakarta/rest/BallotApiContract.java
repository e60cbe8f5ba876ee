package org.polity.jakarta.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.Api;
import org.polity.jakarta.testing.Api.Reply;
import org.polity.jakarta.voting.BallotJson;
import org.polity.jakarta.voting.JpaBallotBox;

/**
 * The ballot API on a real server and database; subclasses choose the database. Each test uses
 * its own budget, so the tests do not depend on each other.
 */
abstract class BallotApiContract {

  static PolityServer server;
  static Api api;

  static void start(Map<String, String> database) {
    Map<String, String> settings = new HashMap<>(database);
    settings.put("polity.mode", "development");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    api = new Api(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  static String budget(String name) {
    return name + "-" + Long.toHexString(System.nanoTime());
  }

  static Reply cast(String budget, String user, String body) {
    return api.send("POST", "api/v1/budgets/" + budget + "/ballots", body, user, "participant");
  }

  @Test
  void castVerifyAndChangeABallot() {
    String budget = budget("city");
    Reply first = cast(budget, "alice", "{\"kind\":\"approval\",\"projects\":[\"p1\",\"p2\"]}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    String receipt = first.json().getString("receipt");
    assertThat(receipt).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
    assertThat(first.json().getBoolean("replaced")).isFalse();

    Reply check = api.get("api/v1/receipts/" + receipt);
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().getString("budgetId")).isEqualTo(budget);
    assertThat(check.json().getString("kind")).isEqualTo("approval");
    assertThat(check.json().getString("contentsSha256"))
        .isEqualTo(JpaBallotBox.sha256(BallotJson.toJson(
            BallotJson.parse("{\"kind\":\"approval\",\"projects\":[\"p1\",\"p2\"]}")).toString()));

    Reply second = cast(budget, "alice", "{\"kind\":\"approval\",\"projects\":[\"p3\"]}");
    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.json().getBoolean("replaced")).isTrue();
    String newReceipt = second.json().getString("receipt");
    assertThat(newReceipt).isNotEqualTo(receipt);

    Reply old = api.get("api/v1/receipts/" + receipt);
    assertThat(old.status()).isEqualTo(404);
    assertThat(old.contentType()).startsWith("application/problem+json");
    assertThat(api.get("api/v1/receipts/" + newReceipt).status()).isEqualTo(200);

    Reply turnout = api.send("GET", "api/v1/budgets/" + budget + "/turnout", null, "rita", "reviewer");
    assertThat(turnout.json().getInt("participants")).isEqualTo(1);
    Reply mine = api.send("GET", "api/v1/budgets/" + budget + "/participation", null, "alice", "participant");
    assertThat(mine.json().getBoolean("voted")).isTrue();
    Reply notMine = api.send("GET", "api/v1/budgets/" + budget + "/participation", null, "bob", "participant");
    assertThat(notMine.json().getBoolean("voted")).isFalse();
    assertThat(server.bean(JpaBallotBox.class).ballots(org.polity.common.BudgetId.of(budget)))
        .containsExactly(BallotJson.parse("{\"kind\":\"approval\",\"projects\":[\"p3\"]}"));
  }

  @Test
  void everyBallotKindRoundTrips() {
    String budget = budget("kinds");
    String[] bodies = {
      "{\"kind\":\"cardinal\",\"scores\":{\"p1\":3,\"p2\":0}}",
      "{\"kind\":\"cumulative\",\"points\":{\"p1\":2,\"p2\":3}}",
      "{\"kind\":\"ordinal\",\"ranking\":[\"p2\",\"p1\"]}",
    };
    for (int i = 0; i < bodies.length; i++) {
      Reply reply = cast(budget, "voter" + i, bodies[i]);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
    assertThat(server.bean(JpaBallotBox.class).ballots(org.polity.common.BudgetId.of(budget)))
        .containsExactlyInAnyOrder(BallotJson.parse(bodies[0]), BallotJson.parse(bodies[1]),
            BallotJson.parse(bodies[2]));
  }

  @Test
  void invalidInputIsA400ProblemNamingTheField() {
    String budget = budget("bad");
    Reply unknown = cast(budget, "carol", "{\"kind\":\"approval\",\"projects\":[\"p1\"],\"extra\":1}");
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
    Reply badReceipt = api.get("api/v1/receipts/not-a-code");
    assertProblem(badReceipt, 400, "code");
    // Nothing was stored by any refused request.
    assertThat(server.bean(JpaBallotBox.class).turnout(org.polity.common.BudgetId.of(budget))).isZero();
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
    Reply type = api.send("POST", "api/v1/budgets/b/ballots", null, "dan", "participant");
    assertThat(type.status()).isIn(400, 415);
    assertThat(type.contentType()).startsWith("application/problem+json");
  }

  @Test
  void healthReportsTheDatabase() {
    Reply health = api.get("health");
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    assertThat(health.json().getString("status")).isEqualTo("UP");
    assertThat(health.body()).contains("polity-database");
  }

  @Test
  void concurrentCastsOfOneParticipantLeaveExactlyOneCountedBallot() throws Exception {
    String budget = budget("race");
    int clients = 24;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      String body = "{\"kind\":\"approval\",\"projects\":[\"p" + i + "\"]}";
      Callable<Reply> call = () -> {
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
        var statement = connection.prepareStatement(
            "select count(*) from " + table + " where budget_id = ?")) {
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
