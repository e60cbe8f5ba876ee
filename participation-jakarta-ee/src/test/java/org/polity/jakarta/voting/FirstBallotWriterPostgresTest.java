package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polity.common.BudgetId;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.jakarta.voting.FirstBallotWriter.Result;
import org.polity.jakarta.voting.FirstBallotWriter.Row;
import org.polity.voting.CountedBallot;
import org.polity.voting.ReceiptCode;
import org.polity.voting.VoteSettings;

/**
 * Group commit of first ballots on PostgreSQL: within a group each ballot gets its own result, a
 * participant is stored at most once, and a failing group stores nothing and says so to every
 * ballot (whose caller then stores it alone). Skipped without POLITY_TEST_POSTGRES_URL.
 */
class FirstBallotWriterPostgresTest {

  static PolityDatabase database;
  static JpaBallotBox box;
  static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void openDatabase() {
    database = TestDatabase.openPostgres(16, new VotingCapability());
    byte[] pepper = new byte[32];
    Arrays.fill(pepper, (byte) 5);
    box = new JpaBallotBox(database, pepper, Clock.systemUTC(), new SecureRandom(), event -> {});
  }

  @AfterAll
  static void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  static BudgetId openVote() {
    BudgetId budget = BudgetId.of("writer-" + UUID.randomUUID());
    box.open(
        new VoteSettings(
            budget,
            Instant.now().minusSeconds(60),
            Instant.now().plusSeconds(3600),
            Instant.now().plusSeconds(3600),
            false,
            false));
    return budget;
  }

  static Row row(BudgetId budget, String participant) {
    return row(budget, participant, ReceiptCode.random(RANDOM).hash().hex());
  }

  static Row row(BudgetId budget, String participant, String receiptHash) {
    return new Row(
        UUID.randomUUID().toString(),
        budget.value(),
        "v1:" + participant,
        "ONLINE",
        null,
        UUID.randomUUID().toString(),
        UUID.randomUUID().toString(),
        receiptHash,
        "approval",
        "{\"kind\":\"approval\",\"projects\":[\"p1\"]}");
  }

  static List<String> countedReceipts(BudgetId budget) {
    return box.countedBallots(budget).stream()
        .map(CountedBallot::receipt)
        .map(hash -> hash.hex())
        .sorted()
        .toList();
  }

  @Test
  void aGroupStoresEachNewParticipantOnceAndLeavesKnownOnesToTheGeneralPath() {
    BudgetId budget = openVote();
    FirstBallotWriter writer = new FirstBallotWriter(database.dataSource(), 2);
    Row known = row(budget, "known");
    assertThat(writer.write(known)).isEqualTo(Result.STORED);

    Row first = row(budget, "first");
    Row knownAgain = row(budget, "known");
    Row twin = row(budget, "twin");
    Row twinAgain = row(budget, "twin");
    List<Result> results = writer.writeTogether(List.of(first, knownAgain, twin, twinAgain));

    assertThat(results.get(0)).isEqualTo(Result.STORED);
    assertThat(results.get(1)).isEqualTo(Result.PARTICIPANT_KNOWN);
    assertThat(results.subList(2, 4))
        .containsExactlyInAnyOrder(Result.STORED, Result.PARTICIPANT_KNOWN);
    Row storedTwin = results.get(2) == Result.STORED ? twin : twinAgain;
    assertThat(box.turnout(budget).total()).isEqualTo(3);
    assertThat(countedReceipts(budget))
        .containsExactlyInAnyOrderElementsOf(
            List.of(known.receiptHash(), first.receiptHash(), storedTwin.receiptHash()));
  }

  @Test
  void aFailingGroupStoresNothingAndEachBallotIsThenStoredAlone() {
    BudgetId budget = openVote();
    FirstBallotWriter writer = new FirstBallotWriter(database.dataSource(), 2);
    Row earlier = row(budget, "earlier");
    assertThat(writer.write(earlier)).isEqualTo(Result.STORED);

    Row fine = row(budget, "fine");
    Row clashing = row(budget, "clashing", earlier.receiptHash()); // the receipt hash is unique
    assertThat(writer.writeTogether(List.of(fine, clashing)))
        .containsExactly(Result.FAILED, Result.FAILED);
    assertThat(box.turnout(budget).total()).as("nothing of the failed group").isEqualTo(1);

    assertThat(writer.write(fine)).isEqualTo(Result.STORED);
    assertThat(writer.write(clashing)).isEqualTo(Result.FAILED);
    assertThat(box.turnout(budget).total()).isEqualTo(2);
    assertThat(countedReceipts(budget))
        .containsExactlyInAnyOrder(earlier.receiptHash(), fine.receiptHash());
  }

  @Test
  void manyThreadsWritingDistinctParticipantsAreAllStoredExactlyOnce() throws Exception {
    BudgetId budget = openVote();
    FirstBallotWriter writer = new FirstBallotWriter(database.dataSource(), 3);
    int threads = 12;
    int each = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Result>>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        tasks.add(
            pool.submit(
                () -> {
                  List<Result> results = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    // Every participant twice, from two threads: one ballot each is stored.
                    results.add(writer.write(row(budget, "p" + ((thread / 2) * each + i))));
                  }
                  return results;
                }));
      }
      long stored = 0;
      long known = 0;
      for (Future<List<Result>> task : tasks) {
        for (Result result : task.get()) {
          if (result == Result.STORED) {
            stored++;
          } else if (result == Result.PARTICIPANT_KNOWN) {
            known++;
          }
        }
      }
      assertThat(stored).isEqualTo(threads / 2 * each);
      assertThat(known).isEqualTo(threads / 2 * each);
    } finally {
      pool.shutdownNow();
    }
    assertThat(box.turnout(budget).total()).isEqualTo(threads / 2 * each);
    assertThat(box.countedBallots(budget)).hasSize(threads / 2 * each);
  }
}
