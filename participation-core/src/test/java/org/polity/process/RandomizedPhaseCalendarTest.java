package org.polity.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

/**
 * Random processes (phases drawn from the shared-budget template, random dates with gaps and open
 * ends), random clock jumps and staff moves, and a guard switched on and off, with fixed seeds: the
 * current phase is always the one the dates (or staff) call for, phases only move forward, and a
 * refused move changes nothing.
 */
class RandomizedPhaseCalendarTest {

  private static final Refusal BLOCKED =
      new Refusal("test.blocked", LocalizedText.of("en", "Blocked by the test guard."));

  private static final java.util.Map<String, Integer> SEEN =
      new java.util.concurrent.ConcurrentHashMap<>();

  @org.junit.jupiter.api.AfterAll
  static void theRunsMetHoldsGapsOpenPhasesAndStaffRefusals() {
    assertThat(SEEN)
        .containsKeys(
            "held", "no phase after start", "phase open by dates", "staff refused", "staff moved");
  }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      runs.add(Arguments.of(seed, PhaseProgression.BY_DATES));
      runs.add(Arguments.of(seed, PhaseProgression.BY_STAFF));
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("runs")
  void theCurrentPhaseIsAlwaysTheOneTheDatesOrStaffCallFor(
      long seed, PhaseProgression progression) {
    Random random = new Random(seed);
    ParticipatoryProcess process = randomProcess(random, progression);
    MutableClock clock =
        MutableClock.at(LocalDateTime.parse("2026-12-20T00:00"), SampleEditions.BRUSSELS);
    AtomicBoolean blocking = new AtomicBoolean(false);
    String blockedPhase =
        process.phases().get(1 + random.nextInt(process.phases().size() - 1)).id();
    PhaseGuard guard =
        (from, to) ->
            blocking.get() && to.id().equals(blockedPhase)
                ? Optional.of(BLOCKED)
                : Optional.empty();
    PhaseCalendar calendar = new PhaseCalendar(process, clock, List.of(guard));
    LocalizedText why = LocalizedText.of("en", "Test.");

    for (int step = 0; step < 200; step++) {
      String where = "seed " + seed + " step " + step;
      int choice = random.nextInt(10);
      if (choice < 2) {
        blocking.set(!blocking.get());
      } else if (progression == PhaseProgression.BY_STAFF && choice < 5) {
        calendar.refresh();
        List<PhaseMove> before = calendar.history();
        int currentIndex = calendar.currentIndex();
        String target = process.phases().get(random.nextInt(process.phases().size())).id();
        Outcome<Phase> outcome =
            random.nextBoolean()
                ? calendar.open(target, "staff", why)
                : calendar.advance("staff", why);
        if (outcome.refusal().isPresent()) {
          assertThat(calendar.history()).as(where).isEqualTo(before);
          assertThat(calendar.currentIndex()).as(where).isEqualTo(currentIndex);
          SEEN.merge("staff refused", 1, Integer::sum);
          assertThat(outcome.refusal().get().code())
              .as(where)
              .isIn("process.phase-not-ahead", "process.no-next-phase", BLOCKED.code());
        } else {
          SEEN.merge("staff moved", 1, Integer::sum);
          assertThat(calendar.current()).as(where).contains(outcome.orElseThrow());
        }
      } else {
        if (random.nextInt(4) == 0) {
          // Land exactly on a boundary, where off-by-one errors live.
          int index = random.nextInt(process.phases().size());
          Optional<Instant> boundary =
              random.nextBoolean() ? process.scheduledStart(index) : process.scheduledEnd(index);
          if (boundary.isPresent() && boundary.get().isAfter(clock.instant())) {
            clock.set(boundary.get());
          }
        } else {
          clock.advance(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
        }
      }
      check(calendar, process, clock.instant(), progression, blockedPhase, blocking.get(), where);
    }
  }

  private static void check(
      PhaseCalendar calendar,
      ParticipatoryProcess process,
      Instant now,
      PhaseProgression progression,
      String blockedPhase,
      boolean blocking,
      String where) {
    List<PhaseMove> history = calendar.history();
    int previous = -1;
    for (PhaseMove move : history) {
      int index = process.indexOf(move.to());
      assertThat(index).as(where + ": forward only").isGreaterThan(previous);
      assertThat(move.from())
          .as(where)
          .isEqualTo(previous < 0 ? null : process.phases().get(previous).id());
      previous = index;
    }
    Optional<Phase> current = calendar.current();
    for (ParticipationAction action : ParticipationAction.values()) {
      assertThat(calendar.isAllowed(action))
          .as(where + " " + action)
          .isEqualTo(current.map(p -> p.allows(action)).orElse(false));
    }
    if (progression == PhaseProgression.BY_STAFF) {
      assertThat(current.map(Phase::id))
          .as(where)
          .isEqualTo(
              history.isEmpty()
                  ? Optional.empty()
                  : Optional.of(history.get(history.size() - 1).to()));
      return;
    }
    int due = -1;
    for (int i = 0; i < process.phases().size(); i++) {
      if (!process.scheduledStart(i).orElseThrow().isAfter(now)) {
        due = i;
      }
    }
    Optional<Refusal> hold = calendar.hold();
    if (hold.isPresent()) {
      SEEN.merge("held", 1, Integer::sum);
      assertThat(hold.get()).as(where).isEqualTo(BLOCKED);
      assertThat(blocking).as(where).isTrue();
      int index = calendar.currentIndex();
      assertThat(process.phases().get(index + 1).id())
          .as(where + ": held before the guarded phase")
          .isEqualTo(blockedPhase);
      assertThat(index).as(where).isLessThan(due);
      assertThat(current).as(where).contains(process.phases().get(index));
      return;
    }
    assertThat(calendar.currentIndex()).as(where + ": every due phase opened").isEqualTo(due);
    Optional<String> expected = Optional.empty();
    if (due >= 0) {
      Optional<Instant> end = process.phases().get(due).dates().closesAt(process.zone());
      if (end.isEmpty() || now.isBefore(end.get())) {
        expected = Optional.of(process.phases().get(due).id());
      }
    }
    assertThat(current.map(Phase::id)).as(where + " at " + now).isEqualTo(expected);
    SEEN.merge(
        expected.isPresent()
            ? "phase open by dates"
            : due >= 0 ? "no phase after start" : "before the first phase",
        1,
        Integer::sum);
  }

  private static ParticipatoryProcess randomProcess(Random random, PhaseProgression progression) {
    List<Phase> template = ProcessTemplates.sharedBudget().phases();
    List<Phase> chosen = new ArrayList<>();
    for (Phase phase : template) {
      if (random.nextInt(3) > 0) {
        chosen.add(phase);
      }
    }
    while (chosen.size() < 2) {
      chosen.add(template.get(chosen.size() == 0 ? 0 : template.size() - 1));
    }
    List<Phase> dated = new ArrayList<>();
    LocalDateTime cursor =
        LocalDateTime.parse("2027-01-01T00:00").plusHours(random.nextInt(24 * 30));
    LocalDateTime previousClose = null;
    for (int i = 0; i < chosen.size(); i++) {
      LocalDateTime opens;
      int mode = random.nextInt(3);
      if (previousClose == null) {
        opens = cursor;
      } else if (mode == 0) {
        opens = null; // opens when the previous phase closes
      } else if (mode == 1) {
        opens = previousClose;
      } else {
        opens = previousClose.plusHours(1 + random.nextInt(24 * 10)); // a gap
      }
      LocalDateTime start = opens != null ? opens : previousClose;
      boolean last = i == chosen.size() - 1;
      LocalDateTime closes =
          random.nextInt(last ? 2 : 5) == 0 ? null : start.plusHours(1 + random.nextInt(24 * 60));
      dated.add(chosen.get(i).withDates(opens, closes));
      cursor = closes != null ? closes : start.plusHours(1 + random.nextInt(24 * 30));
      previousClose = closes;
      if (closes == null && !last) {
        // The next phase needs its own opening date: make the loop give it one.
        previousClose = null;
      }
    }
    return ParticipatoryProcess.builder(ProcessId.of("random"))
        .title(LocalizedText.of("en", "Random"))
        .territory(SampleEditions.territory())
        .zone(SampleEditions.BRUSSELS)
        .rules(SampleEditions.rules())
        .phases(dated)
        .progression(progression)
        .build();
  }
}
