package org.polity.benchmark;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.eligibility.Address;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.EligibilityContext;
import org.polity.eligibility.EligibilityRule;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.ReferenceDate;
import org.polity.eligibility.Rules;
import org.polity.eligibility.VerificationLevel;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonReader;
import org.polity.geo.GeoPoint;
import org.polity.identity.ParticipantKey;
import org.polity.testing.MutableClock;
import org.polity.testing.TestKeys;
import org.polity.voting.BallotBox;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.InMemoryBallotBox;
import org.polity.voting.VoteSettings;

/**
 * Prints throughput figures for eligibility decisions on the Brussels municipalities (point in
 * polygon) and for the in-memory ballot box. Run by hand:
 *
 * <pre>
 * mvn -B -q -pl participation-core test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "participation-core/target/classes:participation-core/target/test-classes:$(cat /tmp/cp.txt)" \
 *     org.polity.benchmark.EligibilityAndVotingBenchmark ../shared/geo/brussels_municipalities.geojson
 * </pre>
 */
public final class EligibilityAndVotingBenchmark {

  private EligibilityAndVotingBenchmark() {}

  /**
   * @param args the path of brussels_municipalities.geojson
   * @throws Exception if the file cannot be read
   */
  public static void main(String[] args) throws Exception {
    AreaCollection areas = new GeoJsonReader().readAreas(Path.of(args[0]), "nis");
    EligibilityRule rule =
        Rules.allOf(
            Rules.minimumAge(10, ReferenceDate.on(LocalDate.of(2026, 5, 31))),
            Rules.livesInArea(areas, "21002"));
    Random random = new Random(42);
    Instant at = Instant.parse("2026-04-01T10:00:00Z");
    int people = 20_000;
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      GeoPoint point =
          GeoPoint.of(4.24 + random.nextDouble() * 0.24, 50.76 + random.nextDouble() * 0.15);
      evidence.add(
          Evidence.none()
              .withIdentity(
                  Attestation.of(TestKeys.person(i), VerificationLevel.IDENTITY_PROVIDER, at))
              .withBirthDate(
                  Attestation.of(
                      LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000)),
                      VerificationLevel.IDENTITY_PROVIDER,
                      at))
              .withAddress(
                  Attestation.of(
                      new Address(null, null, point), VerificationLevel.IDENTITY_PROVIDER, at)));
    }
    EligibilityContext context = EligibilityContext.at(at, ZoneId.of("Europe/Brussels"));
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      int eligible = 0;
      for (Evidence e : evidence) {
        if (rule.decide(e, context).isEligible()) {
          eligible++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "eligibility round %d: %d decisions in %.3f s = %.0f/s (%d eligible)%n",
          round, people, seconds, people / seconds, eligible);
    }

    List<ParticipantKey> keys = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      keys.add(TestKeys.person(i));
    }
    for (int threads : new int[] {1, 2, 4}) {
      for (int round = 0; round < 3; round++) {
        BallotBox box = new InMemoryBallotBox(new MutableClock(at), new SecureRandom());
        BudgetId budget = BudgetId.of("bench");
        box.open(
            VoteSettings.builder(budget)
                .opens(at.minusSeconds(60))
                .closes(at.plusSeconds(3600))
                .changesAllowed(true)
                .build());
        Ballot ballot = Ballot.Approval.of(ProjectId.of("p1"), ProjectId.of("p2"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        int perThread = keys.size() / threads;
        for (int t = 0; t < threads; t++) {
          int from = t * perThread;
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = from; i < from + perThread; i++) {
                      box.cast(new CastRequest(budget, keys.get(i), ballot, Channel.online()));
                    }
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(
            "ballot box, %d thread(s), round %d: %d casts in %.3f s = %.0f/s (counted %d)%n",
            threads,
            round,
            keys.size(),
            seconds,
            keys.size() / seconds,
            box.countedBallots(budget).size());
      }
    }
  }
}
