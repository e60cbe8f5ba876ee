package org.polity.portal.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.portal.web.Page;
import org.polity.process.ParticipatoryProcess;
import org.polity.project.Project;

/**
 * What the vote page shows: the projects on the budget's ballot with their costs, the basket the
 * voter filled so far with its running total against the envelope, and the form's limits in words.
 *
 * @param process the process id
 * @param budget the budget id
 * @param title the edition's title
 * @param projects the projects on the ballot, ticked when in the basket
 * @param envelope the envelope, formatted
 * @param envelopeAmount the envelope as a number, for the meter
 * @param currency the currency code
 * @param total the basket's total, formatted
 * @param totalAmount the total as a number
 * @param chosen how many projects are in the basket
 * @param rules the form's limits, in words
 * @param minProjects the fewest projects
 * @param maxProjects the most projects
 * @param maxCost the basket's limit as a number, or ""
 * @param approval whether the form is an approval ballot (a box to tick per project)
 * @param kind the kind of ballot, in lower case ({@code approval}, {@code cumulative}, {@code
 *     cardinal}, {@code ordinal}): the other kinds have a number to enter per project
 * @param inputMin the lowest number a project's field takes (points, score or rank)
 * @param inputMax the highest number a project's field takes
 */
public record BallotView(
    String process,
    String budget,
    String title,
    List<Choice> projects,
    String envelope,
    String envelopeAmount,
    String currency,
    String total,
    String totalAmount,
    int chosen,
    List<String> rules,
    int minProjects,
    int maxProjects,
    String maxCost,
    boolean approval,
    String kind,
    int inputMin,
    int inputMax) {

  /** The highest number a voter may enter for a project (points, score or rank). */
  public static final int MAX_NUMBER = 1_000_000;

  /**
   * A project to tick.
   *
   * @param id its id
   * @param title its title
   * @param cost its cost, formatted
   * @param amount its cost as a number, for the running total
   * @param district its district, or ""
   * @param ticked whether it is in the basket
   * @param value the number entered for it (points, score or rank), or ""
   */
  public record Choice(
      String id,
      String title,
      String cost,
      String amount,
      String district,
      boolean ticked,
      String value) {}

  /**
   * The view of a ballot.
   *
   * @param ballot the budget's ballot
   * @param form the vote's form, if it has one
   * @param process the process
   * @param entered what the voter entered: the projects ticked (with 1) or their numbers
   * @param page the page
   * @return the view
   */
  public static BallotView of(
      BudgetBallot ballot,
      Optional<BallotForm> form,
      ParticipatoryProcess process,
      Map<ProjectId, Integer> entered,
      Page page) {
    BallotKind kind = form.map(BallotForm::kind).orElse(BallotKind.APPROVAL);
    Set<ProjectId> named = named(kind, entered);
    Money total = Money.zero(ballot.envelope().currency());
    List<Choice> choices = new ArrayList<>();
    for (Project project : ballot.projects()) {
      boolean ticked = named.contains(project.id());
      if (ticked) {
        total = total.plus(project.cost());
      }
      choices.add(
          new Choice(
              project.id().value(),
              page.t(project.title()),
              page.money(project.cost()),
              plain(project.cost().amount()),
              project.district().orElse(""),
              ticked,
              kind == BallotKind.APPROVAL || !entered.containsKey(project.id())
                  ? ""
                  : String.valueOf(entered.get(project.id()))));
    }
    List<String> rules = new ArrayList<>();
    int min = form.map(BallotForm::minProjects).orElse(0);
    int max = form.map(BallotForm::maxProjects).orElse(choices.size());
    Optional<Money> limit = form.flatMap(BallotForm::maxTotalCost);
    if (form.isPresent()) {
      rules.add(page.t("vote.rule.projects", min, Math.min(max, choices.size())));
      limit.ifPresent(l -> rules.add(page.t("vote.rule.basket", page.money(l))));
      BallotForm f = form.get();
      switch (kind) {
        case CUMULATIVE -> {
          if (f.pointsToSpread() > 0) {
            rules.add(
                page.t(
                    f.spendAllPoints() ? "vote.rule.points-all" : "vote.rule.points",
                    f.pointsToSpread()));
          }
          if (f.maxPointsPerProject() > 0) {
            rules.add(page.t("vote.rule.points-per-project", f.maxPointsPerProject()));
          }
        }
        case CARDINAL -> rules.add(page.t("vote.rule.scores", f.minScore(), f.maxScore()));
        case ORDINAL -> rules.add(page.t("vote.rule.ranks"));
        default -> {}
      }
    }
    int inputMin =
        switch (kind) {
          case CARDINAL -> form.orElseThrow().minScore();
          case ORDINAL -> 1;
          default -> 0;
        };
    int inputMax =
        switch (kind) {
          case CUMULATIVE -> {
            BallotForm f = form.orElseThrow();
            int most = f.maxPointsPerProject() > 0 ? f.maxPointsPerProject() : f.pointsToSpread();
            yield most > 0 ? most : MAX_NUMBER;
          }
          case CARDINAL -> form.orElseThrow().maxScore();
          case ORDINAL -> Math.max(1, Math.min(max, choices.size()));
          default -> 1;
        };
    return new BallotView(
        ballot.process().value(),
        ballot.budget().value(),
        page.t(process.title()),
        choices,
        page.money(ballot.envelope()),
        plain(ballot.envelope().amount()),
        ballot.envelope().currency().getCurrencyCode(),
        page.money(total),
        plain(total.amount()),
        (int) choices.stream().filter(Choice::ticked).count(),
        rules,
        min,
        max,
        limit.map(l -> plain(l.amount())).orElse(""),
        kind == BallotKind.APPROVAL,
        kind.name().toLowerCase(java.util.Locale.ROOT),
        inputMin,
        inputMax);
  }

  /**
   * The view of an approval basket (the desk's paper ballot).
   *
   * @param ballot the budget's ballot
   * @param form the vote's form, if it has one
   * @param process the process
   * @param basket the projects ticked
   * @param page the page
   * @return the view
   */
  public static BallotView of(
      BudgetBallot ballot,
      Optional<BallotForm> form,
      ParticipatoryProcess process,
      Set<ProjectId> basket,
      Page page) {
    return of(ballot, form, process, ticks(basket), page);
  }

  /**
   * The approval ballot of a basket.
   *
   * @param basket the projects ticked
   * @return the ballot
   */
  public static Ballot ballot(Set<ProjectId> basket) {
    return new Ballot.Approval(basket);
  }

  private static Map<ProjectId, Integer> ticks(Set<ProjectId> basket) {
    Map<ProjectId, Integer> ticks = new LinkedHashMap<>();
    basket.forEach(project -> ticks.put(project, 1));
    return ticks;
  }

  /**
   * The projects a ballot of this kind names: those ticked, scored or ranked, and for points those
   * given at least one.
   *
   * @param kind the kind of ballot
   * @param entered what the voter entered
   * @return the projects named
   */
  public static Set<ProjectId> named(BallotKind kind, Map<ProjectId, Integer> entered) {
    Set<ProjectId> named = new java.util.LinkedHashSet<>();
    entered.forEach(
        (project, value) -> {
          if (kind != BallotKind.CUMULATIVE || value > 0) {
            named.add(project);
          }
        });
    return named;
  }

  /**
   * The ballot of what a voter entered, for the form's kind: the projects ticked (approval), the
   * points given (cumulative; none for a project given 0), the scores (cardinal), or the ranking in
   * the order of the ranks entered (ordinal; the page refuses two projects on one rank before).
   *
   * @param kind the kind of ballot
   * @param entered the projects ticked (with 1) or their numbers, none negative
   * @return the ballot
   */
  public static Ballot ballot(BallotKind kind, Map<ProjectId, Integer> entered) {
    return switch (kind) {
      case APPROVAL -> new Ballot.Approval(entered.keySet());
      case CUMULATIVE -> {
        Map<ProjectId, Integer> points = new LinkedHashMap<>();
        entered.forEach(
            (project, value) -> {
              if (value > 0) {
                points.put(project, value);
              }
            });
        yield new Ballot.Cumulative(points);
      }
      case CARDINAL -> new Ballot.Cardinal(entered);
      case ORDINAL ->
          new Ballot.Ordinal(
              entered.entrySet().stream()
                  .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                  .map(Map.Entry::getKey)
                  .toList());
    };
  }

  /**
   * The costs of the ballot's projects, for the form's check.
   *
   * @param ballot the ballot
   * @return the costs
   */
  public static Map<ProjectId, Money> costs(BudgetBallot ballot) {
    return ballot.costs();
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }
}
