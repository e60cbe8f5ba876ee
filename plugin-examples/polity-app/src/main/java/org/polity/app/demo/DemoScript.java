package org.polity.app.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.process.Envelope;
import org.polity.process.Outcome;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Phase;
import org.polity.process.PhaseMove;
import org.polity.process.Theme;
import org.polity.project.Edition;
import org.polity.project.FeasibilityCriterion;
import org.polity.project.FeasibilityReview;
import org.polity.project.Milestone;
import org.polity.project.Progress;
import org.polity.project.Project;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectStatus;
import org.polity.project.SummaryTable;

/**
 * Plays the sample edition end to end, in memory, and prints its timeline and results. The vote is
 * simulated with seeded random approval ballots (baskets within the envelope); the counting step is
 * a {@link FundingRule}, so a rule from {@code org.polity.counting} can replace it.
 */
public final class DemoScript {

  /** How many residents vote in the demo. */
  public static final int VOTERS = 1_500;

  private final long seed;
  private final Locale locale;
  private final FundingRule fundingRule;
  private final PrintWriter out;
  private final Texts texts = Texts.of(DemoScript.class);
  private final SteppingClock clock =
      new SteppingClock(LocalDateTime.parse("2027-01-05T09:00"), SampleEdition.ZONE);
  private final Edition edition = new Edition(SampleEdition.process(), clock);
  private int phasesPrinted;

  /**
   * A script.
   *
   * @param seed the seed of the simulated vote
   * @param locale the language of the output (French, Dutch or English)
   * @param fundingRule the counting step
   * @param out where to print
   */
  public DemoScript(long seed, Locale locale, FundingRule fundingRule, PrintWriter out) {
    this.seed = seed;
    this.locale = Objects.requireNonNull(locale, "locale");
    this.fundingRule = Objects.requireNonNull(fundingRule, "fundingRule");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Plays the edition.
   *
   * @param csv where to write the summary table, or null for none
   * @return the edition, at the end of the script
   */
  public Edition play(Path csv) {
    ParticipatoryProcess process = edition.process();
    printHeader(process);

    section("section.timeline");
    at("2027-01-10T09:00");
    List<SampleEdition.Idea> ideas = SampleEdition.ideas();
    List<ProjectId> ids = new ArrayList<>();
    LocalDateTime day = LocalDateTime.parse("2027-02-03T10:00");
    for (int i = 0; i < ideas.size(); i++) {
      at(day.plusDays(2L * i));
      ids.add(submit(ideas.get(i)));
      if (i == 4) {
        at(day.plusDays(2L * i).plusHours(3));
        submit(SampleEdition.tooYoung());
      }
    }
    at("2027-03-20T11:00");
    submit(SampleEdition.ideas().get(0)); // too late: the submission phase is over

    at("2027-03-25T20:00");
    for (int i = 0; i < ideas.size(); i++) {
      int original = ideas.get(i).duplicateOf();
      if (original >= 0) {
        edition
            .merge(
                ids.get(i),
                ids.get(original),
                "Citizens' assembly",
                SampleEdition.text(
                    "Same idea, same place.",
                    "Même idée, même endroit.",
                    "Zelfde idee, zelfde plaats."))
            .orElseThrow();
        line(
            texts.in(
                locale, "event.merged", ids.get(i), ids.get(original), title(ids.get(original))));
      }
    }

    LocalDateTime reviewDay = LocalDateTime.parse("2027-04-19T14:00");
    for (int i = 0; i < ideas.size(); i++) {
      SampleEdition.Review plan = ideas.get(i).review();
      if (plan == null) {
        continue;
      }
      reviewDay = reviewDay.plusDays(3);
      at(reviewDay);
      review(ids.get(i), plan);
    }

    at("2027-06-07T10:00");
    LocalizedText validated =
        SampleEdition.text(
            "Validated by the executive.",
            "Validé par le collège.",
            "Gevalideerd door het college.");
    for (Project project : edition.projects(ProjectStatus.FEASIBLE)) {
      edition.putOnBallot(project.id(), "executive", validated).orElseThrow();
    }
    List<Project> onBallot = edition.projects(ProjectStatus.ON_BALLOT);
    line(texts.in(locale, "event.ballot", onBallot.size(), total(onBallot)));

    at("2027-06-15T09:00");
    List<Ballot> ballots = castBallots(onBallot);
    Map<ProjectId, Long> votes = FundingRule.approvals(onBallot, ballots);
    long approvals = votes.values().stream().mapToLong(Long::longValue).sum();
    Money ballotMoney = Money.zero(edition.envelope().currency());
    for (Ballot ballot : ballots) {
      for (ProjectId id : ballot.projects()) {
        ballotMoney = ballotMoney.plus(edition.get(id).cost());
      }
    }
    at("2027-06-30T22:00");
    line(
        texts.in(
            locale,
            "event.votes",
            ballots.size(),
            String.format(Locale.ROOT, "%.1f", (double) approvals / ballots.size()),
            Money.of(
                ballotMoney
                    .amount()
                    .divide(BigDecimal.valueOf(ballots.size()), 0, RoundingMode.HALF_UP)
                    .toPlainString(),
                "EUR")));

    at("2027-07-02T11:00");
    List<ProjectId> funded = fundingRule.fund(onBallot, ballots, edition.envelope());
    edition
        .proclaim(
            new HashSet<>(funded),
            "executive",
            SampleEdition.text(
                "Proclaimed: most votes first while money remains.",
                "Proclamation : le plus de voix d'abord, tant qu'il reste de l'argent.",
                "Bekendgemaakt: meeste stemmen eerst, zolang er geld is."))
        .orElseThrow();
    Money spent = total(funded.stream().map(edition::get).toList());
    line(
        texts.in(
            locale,
            "event.proclaimed",
            funded.size(),
            spent,
            edition.envelope(),
            edition.envelope().minus(spent)));
    printResults(onBallot, votes, funded);

    section("section.followUp");
    at("2028-02-10T09:00");
    LocalizedText started =
        SampleEdition.text("Works ordered.", "Travaux commandés.", "Werken besteld.");
    for (ProjectId id : funded) {
      edition.startRealisation(id, "service:works", started).orElseThrow();
    }
    line(texts.in(locale, "event.started", funded.size()));
    at("2028-05-02T09:00");
    Random progressRandom = new Random(seed);
    for (ProjectId id : funded) {
      int percent = 10 + progressRandom.nextInt(81);
      Milestone ordered = new Milestone(started, LocalDate.parse("2028-02-10"), true);
      edition
          .reportProgress(id, new Progress(percent, List.of(ordered)), "service:works")
          .orElseThrow();
      line(texts.in(locale, "event.progress", id, title(id), percent));
    }
    if (!funded.isEmpty()) {
      at("2028-09-15T16:00");
      ProjectId first = funded.get(0);
      edition
          .markRealised(
              first,
              "service:works",
              SampleEdition.text(
                  "Inaugurated with the neighbours.",
                  "Inauguré avec les voisins.",
                  "Ingehuldigd met de buren."))
          .orElseThrow();
      line(texts.in(locale, "event.realised", first, title(first)));
    }
    if (funded.size() > 1) {
      at("2028-10-01T10:00");
      ProjectId last = funded.get(funded.size() - 1);
      LocalizedText reason =
          SampleEdition.text(
              "The site turned out to belong to the Region.",
              "Le terrain appartient finalement à la Région.",
              "Het terrein blijkt van het Gewest te zijn.");
      edition.abandon(last, "executive", reason).orElseThrow();
      line(texts.in(locale, "event.abandoned", last, title(last), reason.in(locale)));
    }

    section("section.fates");
    for (Project project : edition.projects()) {
      out.println(
          project.id()
              + "  ["
              + project.status().displayName(locale)
              + "] "
              + project.title().in(locale));
      out.println("    " + edition.whatHappened(project.id()).explanation(locale));
    }

    if (csv != null) {
      try (OutputStream file = Files.newOutputStream(csv)) {
        SummaryTable.write(edition.projects(), votes, SummaryTable.Options.excel(locale), file);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot write the summary table to " + csv + ": " + e.getMessage(), e);
      }
      out.println();
      out.println(texts.in(locale, "csv.written", csv));
    }
    out.flush();
    return edition;
  }

  private void printHeader(ParticipatoryProcess process) {
    out.println(
        "== "
            + process.title().in(locale)
            + " - "
            + process.territory().name().in(locale)
            + " ("
            + process.zone()
            + ")");
    if (process.rules().envelope() instanceof Envelope.PerInhabitant perInhabitant) {
      out.println(
          texts.in(
              locale,
              "envelope.perInhabitant",
              perInhabitant.perInhabitant(),
              perInhabitant.population(),
              perInhabitant.amount()));
    } else {
      out.println(texts.in(locale, "envelope.fixed", process.rules().envelope().amount()));
    }
    out.println(
        texts.in(
            locale,
            "rules",
            process.rules().maximumProjectCost().map(Money::toString).orElse("-"),
            process.rules().minimumAge()));
    out.println(
        texts.in(
            locale,
            "themes",
            String.join(
                ", ",
                process.rules().themeList().stream()
                    .map(Theme::name)
                    .map(t -> t.in(locale))
                    .toList())));
    section("section.phases");
    List<Phase> phases = process.phases();
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      String from = phase.dates().opening().map(d -> d.toLocalDate().toString()).orElse("?");
      String to =
          phase
              .dates()
              .closing()
              .map(d -> d.toLocalDate().minusDays(1).toString())
              .orElse(texts.in(locale, "openEnded"));
      out.printf(Locale.ROOT, "%2d. %s .. %-10s  %s%n", i + 1, from, to, phase.displayName(locale));
    }
  }

  private ProjectId submit(SampleEdition.Idea idea) {
    ProjectProposal.Builder proposal =
        ProjectProposal.builder()
            .title(idea.title())
            .description(idea.title())
            .theme(idea.theme())
            .estimatedCost(Money.of(idea.cost(), "EUR"))
            .district(idea.district())
            .location(idea.location())
            .author(idea.author())
            .channel(idea.channel());
    Outcome<ProjectId> outcome = edition.submit(proposal.build());
    if (outcome.refusal().isPresent()) {
      line(texts.in(locale, "event.refused", outcome.refusal().get().message(locale)));
      return null;
    }
    ProjectId id = outcome.orElseThrow();
    Project project = edition.get(id);
    String theme = edition.process().rules().themes().get(idea.theme()).name().in(locale);
    line(
        texts.in(
            locale,
            "event.submitted." + project.channel().code(),
            id,
            idea.title().in(locale),
            project.estimatedCost(),
            theme,
            idea.district(),
            project.channel().actor()));
    return id;
  }

  private void review(ProjectId id, SampleEdition.Review plan) {
    String reviewer = "service:" + (plan.failed().isEmpty() ? "works" : "legal");
    edition.startReview(id, reviewer).orElseThrow();
    FeasibilityReview review =
        FeasibilityReview.failing(
            reviewer,
            Money.of(plan.reviewedCost(), "EUR"),
            plan.answer(),
            plan.failed().toArray(FeasibilityCriterion[]::new));
    Project reviewed = edition.recordReview(id, review).orElseThrow();
    if (reviewed.status() == ProjectStatus.FEASIBLE) {
      line(
          texts.in(
              locale, "event.feasible", id, title(id), reviewed.cost(), reviewed.estimatedCost()));
    } else {
      line(
          texts.in(
              locale, "event.notFeasible", id, title(id), reviewed.lastChange().why().in(locale)));
    }
  }

  private List<Ballot> castBallots(List<Project> onBallot) {
    Random random = new Random(seed);
    double[] popularity = new double[onBallot.size()];
    for (int i = 0; i < popularity.length; i++) {
      popularity[i] = 0.2 + random.nextDouble() * random.nextDouble() * 5;
    }
    List<Ballot> ballots = new ArrayList<>();
    for (int voter = 0; voter < VOTERS; voter++) {
      int wanted = 3 + random.nextInt(6);
      Set<ProjectId> basket = new LinkedHashSet<>();
      Money left = edition.envelope();
      double[] weights = popularity.clone();
      for (int pick = 0; pick < wanted; pick++) {
        double sum = 0;
        for (double w : weights) {
          sum += w;
        }
        if (sum <= 0) {
          break;
        }
        double r = random.nextDouble() * sum;
        int chosen = 0;
        while (chosen < weights.length - 1 && r >= weights[chosen]) {
          r -= weights[chosen];
          chosen++;
        }
        weights[chosen] = 0;
        Project project = onBallot.get(chosen);
        if (project.cost().compareTo(left) <= 0) {
          basket.add(project.id());
          left = left.minus(project.cost());
        }
      }
      if (!basket.isEmpty()) {
        ballots.add(new Ballot.Approval(basket));
      }
    }
    return ballots;
  }

  private void printResults(
      List<Project> onBallot, Map<ProjectId, Long> votes, List<ProjectId> funded) {
    section("section.results");
    out.println(texts.in(locale, "results.rule"));
    List<Project> order = new ArrayList<>(onBallot);
    order.sort(
        (a, b) -> {
          int byVotes = Long.compare(votes.get(b.id()), votes.get(a.id()));
          return byVotes != 0 ? byVotes : a.id().compareTo(b.id());
        });
    out.println(texts.in(locale, "results.header"));
    int rank = 1;
    for (Project project : order) {
      boolean isFunded = funded.contains(project.id());
      out.printf(
          Locale.ROOT,
          "%2d. %-12s %6d  %12s  %-12s %s%n",
          rank++,
          project.id(),
          votes.get(project.id()),
          project.cost(),
          texts.in(locale, isFunded ? "results.funded" : "results.notFunded"),
          project.title().in(locale));
    }
    out.println(
        texts.in(
            locale,
            "results.fundedOrder",
            String.join(", ", funded.stream().map(ProjectId::value).toList())));
  }

  private void at(String local) {
    at(LocalDateTime.parse(local));
  }

  private void at(LocalDateTime local) {
    // Stop at every phase start on the way, so that moves by the dates are recorded on their day.
    ParticipatoryProcess process = edition.process();
    Instant target = local.atZone(SampleEdition.ZONE).toInstant();
    for (int i = 0; i < process.phases().size(); i++) {
      Optional<Instant> start = process.scheduledStart(i);
      if (start.isPresent()
          && start.get().isAfter(clock.instant())
          && !start.get().isAfter(target)) {
        clock.moveTo(LocalDateTime.ofInstant(start.get(), SampleEdition.ZONE));
        printPhaseMoves();
      }
    }
    clock.moveTo(local);
    printPhaseMoves();
  }

  private void printPhaseMoves() {
    edition.calendar().refresh();
    List<PhaseMove> moves = edition.calendar().history();
    for (; phasesPrinted < moves.size(); phasesPrinted++) {
      PhaseMove move = moves.get(phasesPrinted);
      Phase phase = edition.process().phase(move.to()).orElseThrow();
      line(texts.in(locale, "event.phase", phase.displayName(locale)));
    }
  }

  private void line(String text) {
    out.println(LocalDate.ofInstant(clock.instant(), SampleEdition.ZONE) + "  " + text);
  }

  private void section(String key) {
    out.println();
    out.println("== " + texts.in(locale, key));
  }

  private String title(ProjectId id) {
    return edition.get(id).title().in(locale);
  }

  private Money total(List<Project> projects) {
    Money sum = Money.zero(edition.envelope().currency());
    for (Project project : projects) {
      sum = sum.plus(project.cost());
    }
    return sum;
  }
}
