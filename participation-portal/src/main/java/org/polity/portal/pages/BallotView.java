package org.polity.portal.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * @param approval whether the form is an approval ballot (the only kind this page can fill)
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
    boolean approval) {

  /**
   * A project to tick.
   *
   * @param id its id
   * @param title its title
   * @param cost its cost, formatted
   * @param amount its cost as a number, for the running total
   * @param district its district, or ""
   * @param ticked whether it is in the basket
   */
  public record Choice(
      String id, String title, String cost, String amount, String district, boolean ticked) {}

  /**
   * The view of a ballot.
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
    Money total = Money.zero(ballot.envelope().currency());
    List<Choice> choices = new ArrayList<>();
    for (Project project : ballot.projects()) {
      boolean ticked = basket.contains(project.id());
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
              ticked));
    }
    List<String> rules = new ArrayList<>();
    int min = form.map(BallotForm::minProjects).orElse(0);
    int max = form.map(BallotForm::maxProjects).orElse(choices.size());
    Optional<Money> limit = form.flatMap(BallotForm::maxTotalCost);
    if (form.isPresent()) {
      rules.add(page.t("vote.rule.projects", min, Math.min(max, choices.size())));
      limit.ifPresent(l -> rules.add(page.t("vote.rule.basket", page.money(l))));
    }
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
        form.map(f -> f.kind() == BallotKind.APPROVAL).orElse(true));
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
