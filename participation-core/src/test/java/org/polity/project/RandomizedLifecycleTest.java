package org.polity.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.process.Outcome;
import org.polity.process.ParticipationAction;
import org.polity.process.Phase;
import org.polity.process.PhaseMove;
import org.polity.process.PhaseProgression;
import org.polity.process.Refusal;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

/**
 * Random sequences of staff and resident actions, with fixed seeds: whatever the order, no project
 * and no phase reaches an illegal state, every refusal says why in three languages, and a refused
 * or invalid request changes nothing.
 */
class RandomizedLifecycleTest {

  private static final int STEPS = 400;
  private static final Set<ProjectStatus> REACHED = EnumSet.noneOf(ProjectStatus.class);
  private static final Set<String> REFUSAL_CODES = new HashSet<>();
  private static final LocalizedText WHY =
      LocalizedText.of("en", "Because.").with("fr", "Parce que.").with("nl", "Omdat.");

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (long seed = 1; seed <= 30; seed++) {
      runs.add(Arguments.of(seed, PhaseProgression.BY_STAFF));
      runs.add(Arguments.of(seed, PhaseProgression.BY_DATES));
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @MethodSource("runs")
  void noSequenceOfActionsLeadsToAnIllegalState(long seed, PhaseProgression progression) {
    Random random = new Random(seed);
    MutableClock clock =
        new MutableClock(Instant.parse("2027-01-05T08:00:00Z"), SampleEditions.BRUSSELS);
    Edition edition = new Edition(SampleEditions.sharedBudget2027(progression), clock);
    Set<ProjectId> ballotWhenVoteOpened = null;

    for (int step = 0; step < STEPS; step++) {
      clock.advance(Duration.ofMinutes(1 + random.nextInt(120)));
      edition.calendar().refresh();
      List<Project> projectsBefore = edition.projects();
      List<PhaseMove> phasesBefore = edition.calendar().history();
      String action = "";
      try {
        Outcome<?> outcome = act(edition, clock, random, progression);
        action = String.valueOf(outcome);
        if (outcome.refusal().isPresent()) {
          Refusal refusal = outcome.refusal().get();
          REFUSAL_CODES.add(refusal.code());
          assertThat(refusal.message().languages()).containsExactly("en", "fr", "nl");
          assertThat(refusal.message(Locale.FRENCH))
              .isNotBlank()
              .isNotEqualTo(refusal.message(Locale.ENGLISH));
          assertThat(edition.projects())
              .as("a refusal changes no project: %s", refusal)
              .isEqualTo(projectsBefore);
          assertThat(edition.calendar().history())
              .as("a refusal moves no phase: %s", refusal)
              .isEqualTo(phasesBefore);
        }
      } catch (IllegalArgumentException e) {
        assertThat(e.getMessage()).as("every error says why").isNotBlank().contains(":");
        assertThat(edition.projects())
            .as("an error changes nothing: %s", e.getMessage())
            .isEqualTo(projectsBefore);
        assertThat(edition.calendar().history()).isEqualTo(phasesBefore);
      }
      ballotWhenVoteOpened =
          checkInvariants(
              edition,
              clock,
              progression,
              ballotWhenVoteOpened,
              "seed " + seed + " step " + step + " " + action);
    }
    edition.projects().forEach(p -> REACHED.add(p.status()));
    edition.projects().forEach(p -> p.history().forEach(c -> REACHED.add(c.to())));
  }

  @AfterAll
  static void theRunsExercisedTheWholeLifecycleAndManyRefusals() {
    assertThat(REACHED)
        .as("statuses reached over all runs")
        .isEqualTo(EnumSet.allOf(ProjectStatus.class));
    assertThat(REFUSAL_CODES)
        .as("refusals met over all runs")
        .contains(
            "project.move-not-allowed",
            "process.action-not-allowed",
            "project.author-too-young",
            "project.ballot-frozen",
            "edition.projects-under-review",
            "project.vote-not-over",
            "project.merge-target-closed");
  }

  private static Outcome<?> act(
      Edition edition, MutableClock clock, Random random, PhaseProgression progression) {
    List<Project> projects = edition.projects();
    Supplier<ProjectId> any =
        () ->
            projects.isEmpty() || random.nextInt(40) == 0
                ? ProjectId.of("sb-2027-9" + random.nextInt(100))
                : projects.get(random.nextInt(projects.size())).id();
    int choice = random.nextInt(100);
    if (choice < 6) {
      if (progression == PhaseProgression.BY_DATES) {
        clock.advance(Duration.ofDays(1 + random.nextInt(30)));
        return Outcome.done("clock moved");
      }
      List<Phase> phases = edition.process().phases();
      return random.nextBoolean()
          ? edition.calendar().advance("staff:lea", WHY)
          : edition
              .calendar()
              .open(phases.get(random.nextInt(phases.size())).id(), "staff:lea", WHY);
    }
    if (choice < 30) {
      int age = random.nextInt(10) == 0 ? 8 : 30;
      String theme = random.nextInt(30) == 0 ? "space" : "greenery";
      return edition.submit(
          ProjectProposal.builder()
              .title(LocalizedText.of("en", "Idea " + random.nextInt(1000)))
              .description(LocalizedText.of("en", "An idea."))
              .theme(theme)
              .estimatedCost(Money.of(1_000 + random.nextInt(200_000), "EUR"))
              .author(new Author.Resident("R", age))
              .channel(
                  random.nextBoolean() ? new Channel.Online() : new Channel.PaperForm("staff:marc"))
              .build());
    }
    ProjectId id = any.get();
    return switch (choice % 11) {
      case 0 -> edition.startReview(id, "service:works");
      case 1 -> {
        long cost = 1_000 + random.nextInt(200_000);
        boolean withinMax = cost <= 165_000;
        List<FeasibilityCriterion> failed = new ArrayList<>();
        if (!withinMax) {
          failed.add(FeasibilityCriterion.WITHIN_MAXIMUM_COST);
        }
        if (random.nextInt(4) == 0) {
          failed.add(FeasibilityCriterion.PUBLIC_INTEREST);
        }
        if (random.nextInt(30) == 0) {
          failed.remove(
              FeasibilityCriterion.WITHIN_MAXIMUM_COST); // an inconsistent checklist, refused
          if (withinMax) {
            failed.add(FeasibilityCriterion.WITHIN_MAXIMUM_COST);
          }
        }
        yield edition.recordReview(
            id,
            FeasibilityReview.failing(
                "service:works",
                Money.of(cost, "EUR"),
                WHY,
                failed.toArray(FeasibilityCriterion[]::new)));
      }
      case 2 -> edition.declareNotFeasible(id, "executive", WHY);
      case 3, 4 -> edition.putOnBallot(id, "executive", WHY);
      case 5 -> edition.merge(id, any.get(), "assembly", WHY);
      case 6 -> {
        List<ProjectId> onBallot =
            new ArrayList<>(
                edition.projects(ProjectStatus.ON_BALLOT).stream().map(Project::id).toList());
        java.util.Collections.shuffle(onBallot, random);
        Set<ProjectId> selected =
            new HashSet<>(onBallot.subList(0, random.nextInt(onBallot.size() + 1)));
        if (random.nextInt(5) == 0) {
          selected.add(id);
        }
        yield edition.proclaim(selected, "executive", WHY);
      }
      case 7 -> edition.startRealisation(id, "service:works", WHY);
      case 8 -> edition.reportProgress(id, Progress.of(random.nextInt(101)), "service:works");
      case 9 -> edition.markRealised(id, "service:works", WHY);
      default -> edition.abandon(id, "executive", WHY);
    };
  }

  private static Set<ProjectId> checkInvariants(
      Edition edition,
      MutableClock clock,
      PhaseProgression progression,
      Set<ProjectId> ballotWhenVoteOpened,
      String where) {
    List<Project> projects = edition.projects();
    Money selectedCost = Money.zero(edition.envelope().currency());
    for (Project project : projects) {
      List<StatusChange> history = project.history();
      assertThat(history.get(0).from()).as(where).isNull();
      assertThat(history.get(0).to()).as(where).isEqualTo(ProjectStatus.SUBMITTED);
      for (int i = 1; i < history.size(); i++) {
        StatusChange change = history.get(i);
        assertThat(change.from()).as(where).isEqualTo(history.get(i - 1).to());
        assertThat(change.from().canMoveTo(change.to())).as(where).isTrue();
        assertThat(change.at()).as(where).isAfterOrEqualTo(history.get(i - 1).at());
      }
      ProjectStatus status = project.status();
      assertThat(project.mergedInto().isPresent())
          .as(where)
          .isEqualTo(status == ProjectStatus.MERGED);
      project
          .mergedInto()
          .ifPresent(
              target ->
                  assertThat(edition.get(target).mergedFrom()).as(where).contains(project.id()));
      for (ProjectId duplicate : project.mergedFrom()) {
        assertThat(edition.get(duplicate).mergedInto()).as(where).contains(project.id());
      }
      Set<ProjectStatus> reviewedFeasible =
          EnumSet.of(
              ProjectStatus.FEASIBLE,
              ProjectStatus.ON_BALLOT,
              ProjectStatus.SELECTED,
              ProjectStatus.NOT_SELECTED,
              ProjectStatus.IN_PROGRESS,
              ProjectStatus.REALISED,
              ProjectStatus.ABANDONED);
      if (reviewedFeasible.contains(status)) {
        assertThat(project.review())
            .as(where)
            .get()
            .extracting(FeasibilityReview::feasible)
            .isEqualTo(true);
        assertThat(project.cost().compareTo(Money.of(165_000, "EUR")))
            .as(where)
            .isLessThanOrEqualTo(0);
      }
      if (status == ProjectStatus.NOT_FEASIBLE) {
        assertThat(project.review()).as(where).isPresent();
      }
      if (history.stream().anyMatch(c -> c.to() == ProjectStatus.SELECTED)) {
        selectedCost = selectedCost.plus(project.cost());
      }
      if (status == ProjectStatus.REALISED) {
        assertThat(project.progress()).as(where).get().extracting(Progress::percent).isEqualTo(100);
      }
      assertThat(edition.whatHappened(project.id()).explanation().languages())
          .containsExactly("en", "fr", "nl");
    }
    assertThat(selectedCost.compareTo(edition.envelope()))
        .as(where + ": funded within the envelope")
        .isLessThanOrEqualTo(0);

    boolean voteOpened = edition.calendar().hasOpened("vote");
    if (voteOpened) {
      assertThat(projects)
          .as(where + ": nothing awaits review once the vote is open")
          .noneMatch(p -> p.status().awaitsReview());
      Set<ProjectId> ballot = new HashSet<>();
      projects.stream()
          .filter(p -> p.history().stream().anyMatch(c -> c.to() == ProjectStatus.ON_BALLOT))
          .forEach(p -> ballot.add(p.id()));
      if (ballotWhenVoteOpened == null) {
        ballotWhenVoteOpened = ballot;
      }
      assertThat(ballot)
          .as(where + ": the ballot is fixed once the vote opened")
          .isEqualTo(ballotWhenVoteOpened);
      assertThat(ballot).as(where + ": the vote opened with a ballot").isNotEmpty();
    }
    if (projects.stream()
        .anyMatch(
            p ->
                p.history().stream()
                    .anyMatch(
                        c ->
                            c.to() == ProjectStatus.SELECTED
                                || c.to() == ProjectStatus.NOT_SELECTED))) {
      assertThat(edition.calendar().hasClosed("vote"))
          .as(where + ": results only after the vote")
          .isTrue();
    }

    List<PhaseMove> moves = edition.calendar().history();
    int previous = -1;
    for (PhaseMove move : moves) {
      int index = edition.process().indexOf(move.to());
      assertThat(index).as(where + ": phases only move forward").isGreaterThan(previous);
      previous = index;
      if (progression == PhaseProgression.BY_STAFF) {
        assertThat(move.trigger()).as(where).isEqualTo(PhaseMove.Trigger.STAFF);
      }
    }
    if (progression == PhaseProgression.BY_DATES && edition.calendar().hold().isEmpty()) {
      edition
          .calendar()
          .current()
          .ifPresent(
              phase -> {
                int index = edition.process().indexOf(phase.id());
                Instant now = clock.instant();
                assertThat(edition.process().scheduledStart(index).orElseThrow())
                    .as(where)
                    .isBeforeOrEqualTo(now);
                edition
                    .process()
                    .scheduledEnd(index)
                    .ifPresent(end -> assertThat(end).as(where).isAfter(now));
              });
    }
    if (edition.calendar().isAllowed(ParticipationAction.SUBMIT)) {
      assertThat(edition.calendar().current().orElseThrow().id()).as(where).isEqualTo("submission");
    }
    return ballotWhenVoteOpened;
  }
}
