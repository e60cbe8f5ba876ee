package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.testing.MutableClock;
import org.polity.testing.TestKeys;
import org.polity.voting.BallotBox;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.VoteSettings;

/**
 * Ballot secrecy in the raw tables (issue 13): ballots cast one by one in a known order, then the
 * tables read as an administrator with the database would read them, in their physical order (H2's
 * {@code _ROWID_}, PostgreSQL's {@code ctid}) and, on PostgreSQL, with the inserting transaction of
 * each row ({@code xmin}). Before sealing the order links every ballot to its participant; after
 * sealing no better than chance. Subclasses give the database and its physical order.
 */
abstract class BallotSecrecyContract {

  static final int VOTERS = 40;

  /**
   * The most positions at which ballot and participation may still match after sealing: a random
   * permutation of 40 has one fixed point on average, and 8 or more with a probability below 1e-5.
   */
  static final int CHANCE = 8;

  abstract PolityDatabase database();

  /** The SQL expression that orders a table's rows physically. */
  abstract String physicalOrder();

  /** Whether the database shows each row's inserting transaction ({@code xmin}). */
  boolean hasTransactionIds() {
    return false;
  }

  @ParameterizedTest(name = "changes allowed: {0}")
  @ValueSource(booleans = {false, true})
  void afterSealingNoOrderOfTheTablesLinksABallotToItsParticipant(boolean changesAllowed) {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
    BallotBox box = JpaBallotBoxes.fresh(database(), clock);
    BudgetId budget = BudgetId.of("secrecy-" + changesAllowed);
    box.open(
        VoteSettings.builder(budget)
            .opens(Instant.parse("2026-05-01T08:00:00Z"))
            .closes(Instant.parse("2026-05-31T20:00:00Z"))
            .changesAllowed(changesAllowed)
            .build());
    Map<String, Integer> voterOfKey = new HashMap<>();
    for (int i = 0; i < VOTERS; i++) {
      ParticipantKey voter = TestKeys.person(i);
      voterOfKey.put(voter.toString(), i);
      box.cast(new CastRequest(budget, voter, ballotOf(i), Channel.online()));
    }
    if (changesAllowed) {
      // a few voters change their minds, as in the trial
      for (int i = 0; i < VOTERS; i += 7) {
        box.cast(new CastRequest(budget, TestKeys.person(i), ballotOf(i), Channel.online()));
      }
    }
    int before = Math.max(linked(budget, voterOfKey), linkedByTransaction(budget, voterOfKey));
    assertThat(before)
        .as("before sealing the physical order (or the inserting transaction) links ballots")
        .isGreaterThan(CHANCE);

    clock.set(Instant.parse("2026-06-01T00:00:00Z"));
    box.seal(budget);
    assertThat(linked(budget, voterOfKey)).isLessThanOrEqualTo(CHANCE);
    assertThat(linkedByTransaction(budget, voterOfKey)).isLessThanOrEqualTo(CHANCE);
    assertThat(box.countedBallots(budget)).hasSize(VOTERS);
    if (hasTransactionIds()) {
      List<String> ballots = column(budget, "polity_ballot", "xmin::text");
      Set<String> participations =
          new HashSet<>(column(budget, "polity_participation", "xmin::text"));
      assertThat(new HashSet<>(ballots)).hasSize(1);
      assertThat(participations).doesNotContainAnyElementsOf(ballots);
    }
  }

  /** Voter i approves project p{i}: each ballot names its voter for the test, and only for it. */
  static Ballot ballotOf(int voter) {
    return Ballot.Approval.of(ProjectId.of("p" + voter));
  }

  /** How many rows sit at the same physical rank in both tables as the ballot and its voter. */
  private int linked(BudgetId budget, Map<String, Integer> voterOfKey) {
    List<String> keys = column(budget, "polity_participation", "participant_key");
    List<String> contents = column(budget, "polity_ballot", "contents");
    assertThat(keys).hasSize(VOTERS);
    assertThat(contents).hasSize(VOTERS);
    int linked = 0;
    for (int rank = 0; rank < VOTERS; rank++) {
      int voter = voterOfKey.get(keys.get(rank));
      if (contents.get(rank).contains("\"p" + voter + "\"")) {
        linked++;
      }
    }
    return linked;
  }

  /**
   * How many ballots were inserted by the transaction of their voter's participation row (on a
   * database that shows it; 0 elsewhere).
   */
  private int linkedByTransaction(BudgetId budget, Map<String, Integer> voterOfKey) {
    if (!hasTransactionIds()) {
      return 0;
    }
    List<String> keys = column(budget, "polity_participation", "participant_key");
    List<String> keyTransactions = column(budget, "polity_participation", "xmin::text");
    List<String> contents = column(budget, "polity_ballot", "contents");
    List<String> ballotTransactions = column(budget, "polity_ballot", "xmin::text");
    Map<String, List<Integer>> votersOfTransaction = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      votersOfTransaction
          .computeIfAbsent(keyTransactions.get(i), t -> new ArrayList<>())
          .add(voterOfKey.get(keys.get(i)));
    }
    int linked = 0;
    for (int i = 0; i < contents.size(); i++) {
      List<Integer> voters = votersOfTransaction.getOrDefault(ballotTransactions.get(i), List.of());
      if (voters.size() == 1 && contents.get(i).contains("\"p" + voters.get(0) + "\"")) {
        linked++;
      }
    }
    return linked;
  }

  private List<String> column(BudgetId budget, String table, String expression) {
    return database()
        .inTransaction(
            em -> {
              List<String> values = new ArrayList<>();
              for (Object value :
                  em.createNativeQuery(
                          "SELECT "
                              + expression
                              + " FROM "
                              + table
                              + " WHERE budget_id = ?1 ORDER BY "
                              + physicalOrder())
                      .setParameter(1, budget.value())
                      .getResultList()) {
                values.add(String.valueOf(value));
              }
              return values;
            });
  }
}
