package org.polity.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polity.app.demo.DemoScript;
import org.polity.app.demo.FundingRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polity demo}: plays a sample participatory-budget edition end to end, in memory, and
 * prints its timeline (phases with dates, ideas online and on paper, reviews, a merged duplicate,
 * the vote, the funded projects, the follow-up) and what happened to each idea.
 *
 * <p>Options: {@code --seed N} (the simulated vote; default 2027), {@code --lang fr|nl|en} (default
 * en), {@code --csv FILE} (also write the summary table, for spreadsheets).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Plays a sample participatory-budget edition end to end, in memory, and prints its timeline and results.")
public final class DemoCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seed",
      defaultValue = "2027",
      paramLabel = "N",
      description = "Seed of the simulated vote (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--lang",
      defaultValue = "en",
      paramLabel = "fr|nl|en",
      description = "Language of the output: fr, nl or en (default: ${DEFAULT-VALUE}).")
  String lang;

  @Option(
      names = "--rule",
      defaultValue = "greedy",
      paramLabel = "greedy|mes",
      description =
          "Counting rule: greedy (most votes first while money remains, as the sample"
              + " municipality's rules say) or mes (Method of Equal Shares with Add1 completion)"
              + " (default: ${DEFAULT-VALUE}).")
  String countingRule;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description =
          "Also write the summary table of the projects to FILE (CSV, UTF-8 with BOM, ';').")
  Path csv;

  @Override
  public Integer call() {
    Locale locale =
        switch (lang == null ? "" : lang.strip().toLowerCase(Locale.ROOT)) {
          case "en" -> Locale.ENGLISH;
          case "fr" -> Locale.FRENCH;
          case "nl" -> Locale.forLanguageTag("nl");
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(),
                  "Unknown language '" + lang + "' for --lang: use fr, nl or en.");
        };
    FundingRule rule =
        switch (countingRule == null ? "" : countingRule.strip().toLowerCase(Locale.ROOT)) {
          case "greedy", "mes" ->
              FundingRule.counted(countingRule.strip().toLowerCase(Locale.ROOT));
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(),
                  "Unknown counting rule '" + countingRule + "' for --rule: use greedy or mes.");
        };
    new DemoScript(seed, locale, rule, spec.commandLine().getOut()).play(csv);
    return 0;
  }
}
