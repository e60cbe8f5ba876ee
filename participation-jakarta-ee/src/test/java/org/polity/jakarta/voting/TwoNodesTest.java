package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.config.DatabaseSettings;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.testing.TestKeys;
import org.polity.voting.BallotBox;
import org.polity.voting.CastOutcome;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.VoteSettings;

/**
 * Two application nodes (two connection pools, two ballot boxes with their own caches) sharing one
 * database: casts for the same participants, racing across the nodes, leave exactly one counted
 * ballot per participant. Runs on H2 in file mode and, when configured, on PostgreSQL.
 */
class TwoNodesTest {

  @TempDir static Path data;

  static Stream<Arguments> databases() {
    List<Arguments> databases = new ArrayList<>();
    databases.add(Arguments.of("H2", Optional.of(TestDatabase.h2(data))));
    databases.add(Arguments.of("PostgreSQL", TestDatabase.postgres()));
    return databases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void racingNodesCountOneBallotPerParticipant(String name, Optional<Map<String, String>> database)
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        database.isPresent(), name + " not configured (" + TestDatabase.URL_ENV + ")");
    Map<String, String> settings = database.get();
    DatabaseSettings location =
        new DatabaseSettings(
            Optional.empty(),
            Optional.of(settings.get("polity.database.url")),
            settings.getOrDefault("polity.database.user", ""),
            settings.getOrDefault("polity.database.password", ""),
            8,
            true);
    PolityDatabase first = PolityDatabase.open(location, new VotingCapability());
    PolityDatabase second = PolityDatabase.open(location, new VotingCapability());
    byte[] pepper = new byte[32];
    Arrays.fill(pepper, (byte) 9);
    try {
      BallotBox nodeA =
          new JpaBallotBox(first, pepper, Clock.systemUTC(), new SecureRandom(), e -> {});
      BallotBox nodeB =
          new JpaBallotBox(second, pepper, Clock.systemUTC(), new SecureRandom(), e -> {});
      BudgetId budget = BudgetId.of("two-nodes-" + Long.toHexString(System.nanoTime()));
      VoteSettings vote =
          VoteSettings.builder(budget)
              .opens(Instant.now().minusSeconds(60))
              .closes(Instant.now().plusSeconds(3600))
              .changesAllowed(false)
              .build();
      nodeA.open(vote);
      nodeB.open(vote);

      int people = 40;
      int attemptsPerPerson = 4;
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<CastOutcome>> outcomes = new ArrayList<>();
      for (int attempt = 0; attempt < attemptsPerPerson; attempt++) {
        for (int person = 0; person < people; person++) {
          BallotBox node = (attempt + person) % 2 == 0 ? nodeA : nodeB;
          ParticipantKey who = TestKeys.person(person);
          Ballot ballot = Ballot.Approval.of(ProjectId.of("p" + attempt));
          Callable<CastOutcome> cast =
              () -> {
                go.await();
                return node.cast(new CastRequest(budget, who, ballot, Channel.online()));
              };
          outcomes.add(pool.submit(cast));
        }
      }
      go.countDown();
      long accepted = 0;
      long refused = 0;
      for (Future<CastOutcome> outcome : outcomes) {
        CastOutcome result = outcome.get(120, TimeUnit.SECONDS);
        if (result instanceof CastOutcome.Accepted) {
          accepted++;
        } else if (result instanceof CastOutcome.AlreadyVoted) {
          refused++;
        }
      }
      pool.shutdown();
      assertThat(accepted).isEqualTo(people);
      assertThat(refused).isEqualTo((long) people * (attemptsPerPerson - 1));
      assertThat(nodeA.countedBallots(budget)).hasSize(people);
      assertThat(nodeB.turnout(budget).total()).isEqualTo(people);
    } finally {
      first.close();
      second.close();
    }
  }
}
