package org.polity.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.polity.sortition.DrawReport;
import org.polity.sortition.HouseholdRule;
import org.polity.sortition.Lottery;
import org.polity.sortition.Pool;
import org.polity.sortition.PublicDraw;
import org.polity.sortition.Quota;
import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionOutcome;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;
import org.polity.sortition.Sortition;
import org.polity.sortition.SortitionCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polity sortition}: computes the selection probabilities of a citizens' assembly draw
 * (legacy, maximin or LEXIMIN), rounds them to a published lottery of panels and, when the publicly
 * drawn numbers are given, picks the panel. Prints a report as text or JSON. Exit code 2 with the
 * reason on stderr for bad input or quotas that cannot be met (with the smallest relaxation).
 */
@Command(
    name = "sortition",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a citizens' assembly by stratified lottery and report everyone's chance.",
      "Tirage au sort stratifié d'une assemblée citoyenne, avec la chance de chacun.",
      "Gestratificeerde loting van een burgerpanel, met ieders kans."
    })
public final class SortitionCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--people",
      required = true,
      description = "People CSV: an id column and one column per feature.")
  Path people;

  @Option(
      names = "--features",
      required = true,
      description = "Features CSV: feature,value,min,max[,min_flex,max_flex].")
  Path features;

  @Option(names = "--panel-size", required = true, description = "Number of seats.")
  int panelSize;

  @Option(names = "--algorithm", required = true, description = "legacy, maximin or leximin.")
  String algorithm;

  @Option(
      names = "--address-columns",
      split = ",",
      description =
          "Columns that together identify a household (at most one member per household).")
  List<String> addressColumns = new ArrayList<>();

  @Option(
      names = "--seed",
      description = "Recorded seed (default: a fresh random seed, printed in the report).")
  Long seed;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--id-column",
      defaultValue = "id",
      description = "Name of the id column (default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(
      names = "--lottery-size",
      defaultValue = "1000",
      description = "Tickets in the published lottery (default: ${DEFAULT-VALUE}).")
  int lotterySize;

  @Option(
      names = "--legacy-draws",
      defaultValue = "10000",
      description =
          "Draws used to estimate the legacy method's probabilities (default: ${DEFAULT-VALUE}).")
  int legacyDraws;

  @Option(
      names = "--public-numbers",
      split = ",",
      description =
          "Numbers drawn in public, in order; picks the winning ticket (SHA-256 of the numbers joined by commas, modulo the lottery size).")
  List<String> publicNumbers = new ArrayList<>();

  @Option(
      names = "--lang",
      defaultValue = "en",
      description =
          "Language of the infeasibility message: en, fr or nl (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--lottery-file",
      description =
          "Write the lottery to publish (one line per ticket, number:id,id,...); its SHA-256 is the fingerprint in the report.")
  Path lotteryFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new IllegalArgumentException("--format must be text or json, not '" + format + "'.");
    }
    String algo = algorithm.toLowerCase(Locale.ROOT);
    if (Sortition.find(algo).isEmpty()) {
      throw new IllegalArgumentException(
          "--algorithm must be one of " + Sortition.available() + ", not '" + algorithm + "'.");
    }
    for (Path file : List.of(people, features)) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException("Cannot read " + file + ".");
      }
    }
    Pool pool = SortitionCsv.readPeople(people, idColumn);
    List<Quota> quotas = SortitionCsv.readQuotas(features);
    for (String column : addressColumns) {
      if (pool.respondents().stream().noneMatch(r -> r.columns().containsKey(column))) {
        throw new IllegalArgumentException(
            "--address-columns names '" + column + "', which is not a column of " + people + ".");
      }
    }
    SelectionProblem problem =
        new SelectionProblem(pool, panelSize, quotas, new HouseholdRule(addressColumns));
    long usedSeed = seed != null ? seed : new SecureRandom().nextLong();
    SelectionOptions options = new SelectionOptions(algo, usedSeed, lotterySize, legacyDraws);
    SelectionOutcome outcome = Sortition.select(problem, options);
    if (outcome instanceof SelectionOutcome.Infeasible infeasible) {
      err.println(
          "polity sortition: " + infeasible.infeasibility().message(Locale.forLanguageTag(lang)));
      return PolityCommand.EXIT_BAD_INPUT;
    }
    SelectionResult result = ((SelectionOutcome.Selected) outcome).result();
    Optional<PublicDraw.Result> draw =
        publicNumbers.isEmpty()
            ? Optional.empty()
            : Optional.of(PublicDraw.draw(result.lottery(), publicNumbers));
    DrawReport report = DrawReport.of(problem, result, draw);
    if (lotteryFile != null) {
      Files.writeString(
          lotteryFile, result.lottery().canonicalText(), java.nio.charset.StandardCharsets.UTF_8);
    }
    if (fmt.equals("json")) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(json(report, result)));
    } else {
      printText(out, report, result);
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> json(DrawReport report, SelectionResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("algorithm", report.algorithm());
    root.put("seed", report.seed());
    root.put("panelSize", report.panelSize());
    root.put("minimum", report.minimum());
    root.put("probabilities", report.probabilities());
    root.put("lotteryProbabilities", report.lotteryProbabilities());
    root.put("maxLotteryDeviation", report.maxLotteryDeviation());
    List<Map<String, Object>> quotas = new ArrayList<>();
    for (DrawReport.QuotaFulfilment q : report.quotas()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("feature", q.quota().feature());
      m.put("value", q.quota().value());
      m.put("min", q.quota().min());
      m.put("max", q.quota().max());
      m.put("poolCount", q.poolCount());
      m.put("expectedSeats", q.expectedSeats());
      m.put("fewestSeats", q.fewestSeats());
      m.put("mostSeats", q.mostSeats());
      m.put("met", q.met());
      quotas.add(m);
    }
    root.put("quotas", quotas);
    Lottery lottery = report.lottery();
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("tickets", lottery.size());
    l.put("fingerprint", lottery.fingerprint());
    l.put("panelsConsidered", result.panelsConsidered());
    l.put("millis", result.millis());
    root.put("lottery", l);
    List<Map<String, Object>> panels = new ArrayList<>();
    for (Lottery.Entry e : lottery.entries()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("members", e.panel().memberIds());
      m.put("probability", e.probability());
      m.put("tickets", e.tickets());
      panels.add(m);
    }
    root.put("panels", panels);
    report
        .draw()
        .ifPresent(
            d -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("input", d.input());
              m.put("sha256", d.sha256());
              m.put("ticket", d.ticket());
              m.put("panel", d.panel().memberIds());
              m.put("lotteryFingerprint", d.lotteryFingerprint());
              root.put("draw", m);
            });
    return root;
  }

  private static void printText(PrintWriter out, DrawReport report, SelectionResult result) {
    out.printf(
        Locale.ROOT,
        "Algorithm: %s  seed: %d  panel size: %d%n",
        report.algorithm(),
        report.seed(),
        report.panelSize());
    out.printf(Locale.ROOT, "Lowest selection probability: %.4f%n", report.minimum());
    out.printf(
        Locale.ROOT,
        "Lottery: %d tickets, %d distinct panels, fingerprint %s (largest gap to exact probability %.4f)%n",
        report.lottery().size(),
        report.lottery().entries().size(),
        report.lottery().fingerprint(),
        report.maxLotteryDeviation());
    out.printf(
        Locale.ROOT,
        "Computed in %d ms (%d panels considered)%n",
        result.millis(),
        result.panelsConsidered());
    out.println();
    out.println("Quotas (min..max: expected seats; seats on the lottery's panels)");
    for (DrawReport.QuotaFulfilment q : report.quotas()) {
      out.printf(
          Locale.ROOT,
          "  %-40s %3d..%-3d expected %7.3f  panels %d..%d  pool %d  %s%n",
          q.quota().label(),
          q.quota().min(),
          q.quota().max(),
          q.expectedSeats(),
          q.fewestSeats(),
          q.mostSeats(),
          q.poolCount(),
          q.met() ? "ok" : "NOT MET");
    }
    out.println();
    out.println(
        "Selection probability per respondent ("
            + (report.algorithm().equals("legacy") ? "estimated from the draws" : "exact")
            + " / share of lottery tickets)");
    report
        .probabilities()
        .forEach(
            (id, p) ->
                out.printf(
                    Locale.ROOT,
                    "  %-20s %.4f  %.4f%n",
                    id,
                    p,
                    report.lotteryProbabilities().get(id)));
    report
        .draw()
        .ifPresent(
            d -> {
              out.println();
              out.printf("Public draw: sha256(\"%s\") = %s%n", d.input(), d.sha256());
              out.printf(
                  Locale.ROOT,
                  "Winning ticket %d: %s%n",
                  d.ticket(),
                  String.join(", ", d.panel().memberIds()));
            });
  }
}
