package org.polity.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;

class BallotFormTest {

  static final ProjectId A = ProjectId.of("A");
  static final ProjectId B = ProjectId.of("B");
  static final ProjectId C = ProjectId.of("C");

  static Map<ProjectId, Money> costs() {
    Map<ProjectId, Money> costs = new LinkedHashMap<>();
    costs.put(A, Money.of(60_000, "EUR"));
    costs.put(B, Money.of(50_000, "EUR"));
    costs.put(C, Money.of(10_000, "EUR"));
    return costs;
  }

  @Test
  void aValidBasketHasNoProblem() {
    BallotForm form =
        BallotForm.builder(BallotKind.APPROVAL)
            .projects(1, 2)
            .maxTotalCost(Money.of(100_000, "EUR"))
            .build();

    assertThat(form.problems(Ballot.Approval.of(A, C), costs())).isEmpty();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    BallotForm form =
        BallotForm.builder(BallotKind.APPROVAL)
            .projects(1, 2)
            .maxTotalCost(Money.of(100_000, "EUR"))
            .build();

    List<BallotProblem> problems =
        form.problems(Ballot.Approval.of(A, B, C, ProjectId.of("Z")), costs());

    assertThat(problems)
        .extracting(BallotProblem::code)
        .containsExactly("ballot.unknownProject", "ballot.tooManyProjects", "ballot.overBasket");
    assertThat(problems.get(2).text(Locale.ENGLISH))
        .isEqualTo("Your projects cost 120,000 EUR together, more than the 100,000 EUR available.");
    assertThat(problems.get(1).text(Locale.FRENCH))
        .isEqualTo("Choisissez au plus 2 projets (vous en avez choisi 4).");
    assertThat(problems.get(0).text(Locale.forLanguageTag("nl")))
        .isEqualTo("Project Z staat niet op dit stembiljet.");
  }

  @Test
  void pointsAndScoresAreChecked() {
    BallotForm cumulative = BallotForm.builder(BallotKind.CUMULATIVE).points(10, true, 5).build();
    List<BallotProblem> points =
        cumulative.problems(new Ballot.Cumulative(Map.of(A, 6, B, 6)), costs());
    assertThat(points)
        .extracting(BallotProblem::code)
        .containsExactlyInAnyOrder(
            "ballot.pointsPerProject", "ballot.pointsPerProject", "ballot.tooManyPoints");
    assertThat(cumulative.problems(new Ballot.Cumulative(Map.of(A, 3)), costs()))
        .extracting(BallotProblem::code)
        .containsExactly("ballot.notAllPoints");

    BallotForm cardinal = BallotForm.builder(BallotKind.CARDINAL).scores(1, 5).build();
    assertThat(cardinal.problems(new Ballot.Cardinal(Map.of(A, 7)), costs()))
        .extracting(BallotProblem::code)
        .containsExactly("ballot.scoreOutOfRange");
    assertThat(cardinal.problems(Ballot.Approval.of(A), costs()))
        .extracting(BallotProblem::code)
        .containsExactly("ballot.wrongKind");
  }

  @Test
  void rankingLengthIsTheNumberOfProjects() {
    BallotForm ordinal = BallotForm.builder(BallotKind.ORDINAL).projects(3, 3).build();

    assertThat(ordinal.problems(new Ballot.Ordinal(List.of(B, A)), costs()))
        .extracting(BallotProblem::code)
        .containsExactly("ballot.tooFewProjects");
  }

  @Test
  void inconsistentFormsAreRefused() {
    assertThatThrownBy(() -> BallotForm.builder(BallotKind.APPROVAL).projects(3, 2).build())
        .hasMessageContaining("give 0 ≤ minimum ≤ maximum");
    assertThatThrownBy(() -> BallotForm.builder(BallotKind.CUMULATIVE).points(0, true, 0).build())
        .hasMessageContaining("set pointsToSpread");
  }

  @Test
  void aVoterMayVoteCityWideAndInOneDistrictOnly() {
    BallotForm form = BallotForm.builder(BallotKind.APPROVAL).projects(1, 3).build();
    VotingBudget city =
        new VotingBudget(
            BudgetId.of("city"),
            LocalizedText.of("en", "City"),
            Optional.empty(),
            Money.of(100_000, "EUR"),
            costs(),
            form);
    VotingBudget north =
        new VotingBudget(
            BudgetId.of("north"),
            LocalizedText.of("en", "North"),
            Optional.of("North"),
            Money.of(50_000, "EUR"),
            Map.of(ProjectId.of("N1"), Money.of(20_000, "EUR")),
            form);
    VotingBudget south =
        new VotingBudget(
            BudgetId.of("south"),
            LocalizedText.of("en", "South"),
            Optional.of("South"),
            Money.of(50_000, "EUR"),
            Map.of(ProjectId.of("S1"), Money.of(20_000, "EUR")),
            form);
    VotingEdition edition = new VotingEdition(List.of(city, north, south));

    Map<BudgetId, Ballot> fine = new LinkedHashMap<>();
    fine.put(city.id(), Ballot.Approval.of(A));
    fine.put(north.id(), Ballot.Approval.of(ProjectId.of("N1")));
    assertThat(edition.problems(fine)).isEmpty();

    Map<BudgetId, Ballot> twoDistricts = new LinkedHashMap<>(fine);
    twoDistricts.put(south.id(), Ballot.Approval.of(ProjectId.of("S1"), A));
    List<BallotProblem> problems = edition.problems(twoDistricts);
    assertThat(problems)
        .extracting(BallotProblem::code)
        .containsExactly("ballot.unknownProject", "edition.severalDistricts");
    assertThat(problems.get(0).budget()).contains(south.id());
    assertThat(problems.get(1).text(Locale.ENGLISH))
        .isEqualTo("You may vote in one district only, but you voted in North, South.");

    Election election = Election.of(city, List.of(Ballot.Approval.of(A), Ballot.Approval.of(C)));
    assertThat(CountingRules.named("greedy").count(election, CountingOptions.defaults()).winners())
        .containsExactly(A, C);
  }
}
