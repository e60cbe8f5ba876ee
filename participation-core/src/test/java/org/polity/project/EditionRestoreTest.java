package org.polity.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.process.PhaseProgression;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

/** An edition rebuilt from its stored projects and phase moves behaves as the original. */
class EditionRestoreTest {

  private static final LocalizedText OK = LocalizedText.of("en", "Decision of the executive.");

  @Test
  void aRestoredEditionGoesOnWhereTheOriginalStopped() {
    MutableClock clock =
        new MutableClock(Instant.parse("2027-02-02T09:00:00Z"), SampleEditions.BRUSSELS);
    var process = SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF);
    Edition original = new Edition(process, clock);
    original.calendar().open("submission", "staff:lea", OK).orElseThrow();
    ProjectId benches = original.submit(SampleEditions.idea("Benches", 5_000)).orElseThrow();
    ProjectId trees = original.submit(SampleEditions.idea("Trees", 8_000)).orElseThrow();
    clock.advance(Duration.ofDays(30));
    original.calendar().open("feasibility", "staff:lea", OK).orElseThrow();
    original.startReview(benches, "service:works").orElseThrow();

    Edition restored =
        Edition.restore(process, clock, original.projects(), original.calendar().history());

    assertThat(restored.projects()).isEqualTo(original.projects());
    assertThat(restored.calendar().current()).isEqualTo(original.calendar().current());
    assertThat(restored.calendar().history()).isEqualTo(original.calendar().history());
    // Both go on the same way: the next id, the same refusals, the same moves.
    assertThat(restored.submit(SampleEditions.idea("Late", 1_000)).refusal()).isPresent();
    assertThat(restored.calendar().open("submission", "staff:lea", OK).refusal())
        .get()
        .extracting(r -> r.code())
        .isEqualTo("process.phase-not-ahead");
    restored
        .recordReview(
            benches, FeasibilityReview.allMet("service:works", Money.of(5_500, "EUR"), OK))
        .orElseThrow();
    assertThat(restored.get(benches).status()).isEqualTo(ProjectStatus.FEASIBLE);
    assertThat(restored.calendar().open("vote", "staff:lea", OK).refusal())
        .get()
        .extracting(r -> r.code())
        .as("trees still waits for its review")
        .isEqualTo("edition.projects-under-review");
    assertThat(restored.get(trees).status()).isEqualTo(ProjectStatus.SUBMITTED);
  }

  @Test
  void restoringRefusesInconsistentState() {
    MutableClock clock =
        new MutableClock(Instant.parse("2027-02-02T09:00:00Z"), SampleEditions.BRUSSELS);
    var process = SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF);
    Edition original = new Edition(process, clock);
    original.calendar().open("feasibility", "staff:lea", OK).orElseThrow();
    original.calendar().open("vote", "staff:lea", OK);
    var moves = original.calendar().history();
    assertThatThrownBy(
            () -> Edition.restore(process, clock, List.of(), List.of(moves.get(0), moves.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not go forward");

    var change = new StatusChange(null, ProjectStatus.SUBMITTED, clock.instant(), "me", OK);
    var review =
        new StatusChange(
            ProjectStatus.UNDER_REVIEW, ProjectStatus.FEASIBLE, clock.instant(), "me", OK);
    assertThatThrownBy(
            () ->
                Project.restore(
                    ProjectId.of("x-001"),
                    process.id(),
                    SampleEditions.idea("X", 1),
                    clock.instant(),
                    List.of(change, review),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not chain");
  }
}
