package org.polity.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.polity.common.ProjectId;
import org.polity.counting.BudgetStep;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.CountingRules;
import org.polity.counting.Explanation;
import org.polity.counting.Limits;
import org.polity.counting.Reason;
import org.polity.counting.Satisfaction;
import org.polity.counting.Tie;
import org.polity.counting.TieBreaking;
import org.polity.pabulib.PabulibElection;
import org.polity.pabulib.PabulibElections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code polity tally FILE.pb}: counts a Pabulib file with a rule and prints the winners, the cost
 * used and an explanation for every project, as text or JSON. Exit code 0 on success, 2 on a bad
 * file or option (one line on stderr).
 */
@Command(
    name = "tally",
    mixinStandardHelpOptions = true,
    description =
        "Counts a Pabulib .pb file: winners, cost used and why each project was or was not funded.")
public final class TallyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.pb", description = "The Pabulib file to count.")
  Path file;

  @Option(
      names = "--rule",
      paramLabel = "RULE",
      defaultValue = "mes",
      description = "greedy, mes or phragmen (default: ${DEFAULT-VALUE}).")
  String rule;

  @Option(
      names = "--satisfaction",
      paramLabel = "MEASURE",
      defaultValue = "cost",
      description = "cost, cardinality, points or borda (default: ${DEFAULT-VALUE}).")
  String satisfaction;

  @Option(
      names = "--completion",
      paramLabel = "COMPLETION",
      description = "none, add1, add1-greedy or greedy (default: add1 for mes, none otherwise).")
  String completion;

  @Option(
      names = "--budget-step",
      paramLabel = "AMOUNT|PERCENT%",
      description =
          "Step of the add1 completion: an amount per voter (default 1) or a share of the budget such as 1%%.")
  String budgetStep;

  @Option(
      names = "--min-vote-share",
      paramLabel = "SHARE",
      description =
          "Minimum share of ballots (0 to 1) naming a project for it to be eligible (default 0).")
  BigDecimal minVoteShare;

  @Option(
      names = "--tie-breaking",
      paramLabel = "RULE",
      defaultValue = "project-id",
      description =
          "How ties are broken: project-id, project-order, fewer-cost or lottery (with --seed)"
              + " (default: ${DEFAULT-VALUE}).")
  String tieBreaking;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description =
          "The published seed of --tie-breaking lottery: projects are ordered by"
              + " SHA-256(seed followed by the project id).")
  String seed;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--language",
      paramLabel = "LANG",
      defaultValue = "en",
      description = "Language of the explanations: en, fr or nl (default: ${DEFAULT-VALUE}).")
  String language;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Satisfaction measure = satisfaction(satisfaction);
    Completion chosenCompletion = completion();
    if (!format.equals("text") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be text or json, not '" + format + "'.");
    }
    Locale locale =
        switch (language) {
          case "en", "fr", "nl" -> Locale.forLanguageTag(language);
          default ->
              throw new IllegalArgumentException(
                  "--language must be en, fr or nl, not '" + language + "'.");
        };
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("cannot read " + file + ": no such file.");
    }
    TieBreaking ties;
    try {
      ties = TieBreaking.named(tieBreaking, Optional.ofNullable(seed));
    } catch (IllegalArgumentException e) {
      boolean known = TieBreaking.NAMES.contains(tieBreaking);
      boolean seedWrong = known && tieBreaking.equals("lottery") == (seed == null);
      throw new IllegalArgumentException(
          (seedWrong ? "--seed: " : "--tie-breaking: ") + e.getMessage());
    }
    CountingOptions options =
        CountingOptions.defaults()
            .withSatisfaction(measure)
            .withCompletion(chosenCompletion)
            .withTieBreaking(ties);
    if (minVoteShare != null) {
      options = options.withLimits(new Limits(minVoteShare, Map.of(), Map.of()));
    }
    var countingRule = CountingRules.named(rule);
    PabulibElection election = PabulibElections.read(file);
    CountingResult result = countingRule.count(election.election(), options);
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(json(election, result, locale, ties));
    } else {
      text(out, election, result, locale);
    }
    out.flush();
    return 0;
  }

  private static Satisfaction satisfaction(String value) {
    return switch (value) {
      case "cost" -> Satisfaction.COST;
      case "cardinality" -> Satisfaction.CARDINALITY;
      case "points" -> Satisfaction.POINTS;
      case "borda" -> Satisfaction.BORDA;
      default ->
          throw new IllegalArgumentException(
              "--satisfaction must be cost, cardinality, points or borda, not '" + value + "'.");
    };
  }

  private Completion completion() {
    String value = completion == null ? (rule.equals("mes") ? "add1" : "none") : completion;
    BudgetStep step =
        budgetStep == null ? new BudgetStep.PerVoter(BigDecimal.ONE) : parseStep(budgetStep);
    if (budgetStep != null && !value.startsWith("add1")) {
      throw new IllegalArgumentException(
          "--budget-step applies only to --completion add1 or add1-greedy.");
    }
    return switch (value) {
      case "none" -> Completion.none();
      case "greedy" -> Completion.greedy();
      case "add1" -> Completion.add1(step, false);
      case "add1-greedy" -> Completion.add1(step, true);
      default ->
          throw new IllegalArgumentException(
              "--completion must be none, add1, add1-greedy or greedy, not '" + value + "'.");
    };
  }

  private static BudgetStep parseStep(String text) {
    String t = text.strip();
    try {
      if (t.endsWith("%")) {
        return new BudgetStep.PercentOfBudget(
            new BigDecimal(t.substring(0, t.length() - 1).strip()));
      }
      return new BudgetStep.PerVoter(new BigDecimal(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--budget-step must be an amount per voter such as 1 or a share of the budget such as 1%, not '"
              + text
              + "'.");
    }
  }

  private void text(
      PrintWriter out, PabulibElection election, CountingResult result, Locale locale) {
    var e = election.election();
    String currency = e.currency().isEmpty() ? "" : " " + e.currency();
    out.printf(
        "%s: %s ballots (%d), %d projects, budget %s%s%n",
        file.getFileName(),
        election.voteType(),
        e.ballots().size(),
        e.projects().size(),
        e.budget().toPlainString(),
        currency);
    out.printf("Rule: %s%n", result.rule());
    out.printf(
        "Winners (in selection order): %s%n",
        String.join(", ", result.winners().stream().map(ProjectId::value).toList()));
    out.printf(
        "Cost: %s%s of %s%s%n",
        result.cost().toPlainString(), currency, e.budget().toPlainString(), currency);
    for (Reason note : result.notes()) {
      out.println(note.text(locale));
    }
    out.println("Explanations:");
    for (Explanation explanation : result.explanations().values()) {
      out.printf("  %s: %s%n", explanation.project().value(), explanation.text(locale));
    }
  }

  private static String json(
      PabulibElection election, CountingResult result, Locale locale, TieBreaking tieBreaking)
      throws IOException {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    ObjectNode root = mapper.createObjectNode();
    root.put("rule", result.rule());
    root.put("vote_type", election.voteType());
    root.put("budget", election.election().budget());
    root.put("currency", election.election().currency());
    ArrayNode winners = root.putArray("winners");
    result.winners().forEach(id -> winners.add(id.value()));
    root.put("cost", result.cost());
    ArrayNode notes = root.putArray("notes");
    result.notes().forEach(n -> notes.add(n.text(locale)));
    root.put("tie_breaking", tieBreaking.name());
    tieBreaking.publishedSeed().ifPresent(s -> root.put("seed", s));
    ArrayNode ties = root.putArray("ties");
    for (Tie tie : result.ties()) {
      ObjectNode node = ties.addObject();
      node.put("step", tie.step());
      node.put("quantity", tie.quantity().id());
      node.put("value", tie.shownValue());
      node.put("exact_value", tie.value().toString());
      ArrayNode projects = node.putArray("projects");
      tie.projects().forEach(id -> projects.add(id.value()));
      node.put("text", tie.note(election.election().currency()).text(locale));
    }
    ArrayNode explanations = root.putArray("explanations");
    for (Explanation explanation : result.explanations().values()) {
      ObjectNode node = explanations.addObject();
      node.put("project", explanation.project().value());
      node.put("funded", explanation.funded());
      node.put("text", explanation.text(locale));
      ArrayNode reasons = node.putArray("reasons");
      for (Reason reason : explanation.reasons()) {
        ObjectNode r = reasons.addObject();
        r.put("code", reason.code());
        ArrayNode args = r.putArray("arguments");
        for (Object arg : reason.arguments()) {
          if (arg instanceof BigDecimal d) {
            args.add(d);
          } else if (arg instanceof Long l) {
            args.add(l);
          } else if (arg instanceof Integer i) {
            args.add(i);
          } else if (arg instanceof java.math.BigInteger b) {
            args.add(b);
          } else {
            args.add(String.valueOf(arg));
          }
        }
      }
    }
    return mapper.writeValueAsString(root);
  }
}
