package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.polity.sortition.Algorithm;
import org.polity.sortition.FairSelection;
import org.polity.sortition.Lottery;
import org.polity.sortition.Panel;
import org.polity.sortition.Respondent;
import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;
import org.polity.sortition.spi.SelectionAlgorithm;

/** The built-in {@link SelectionAlgorithm}s, registered with {@link java.util.ServiceLoader}. */
public final class BuiltInAlgorithms {

  private BuiltInAlgorithms() {}

  /** LEXIMIN by column generation. */
  public static final class Leximin implements SelectionAlgorithm {
    /** For ServiceLoader. */
    public Leximin() {}

    @Override
    public String name() {
      return Algorithm.LEXIMIN.id();
    }

    @Override
    public SelectionResult select(SelectionProblem problem, SelectionOptions options) {
      return fair(problem, options, true);
    }
  }

  /** Maximin by column generation. */
  public static final class Maximin implements SelectionAlgorithm {
    /** For ServiceLoader. */
    public Maximin() {}

    @Override
    public String name() {
      return Algorithm.MAXIMIN.id();
    }

    @Override
    public SelectionResult select(SelectionProblem problem, SelectionOptions options) {
      return fair(problem, options, false);
    }
  }

  /** The legacy greedy method, probabilities estimated from seeded draws. */
  public static final class Legacy implements SelectionAlgorithm {
    /** For ServiceLoader. */
    public Legacy() {}

    @Override
    public String name() {
      return Algorithm.LEGACY.id();
    }

    @Override
    public SelectionResult select(SelectionProblem problem, SelectionOptions options) {
      long start = System.nanoTime();
      LegacyGreedy greedy = new LegacyGreedy(problem);
      Random random = new Random(options.seed());
      List<Respondent> people = problem.pool().respondents();
      int[] counts = new int[people.size()];
      List<Panel> tickets = new ArrayList<>();
      Map<Panel, Boolean> distinct = new HashMap<>();
      int draws = Math.max(options.legacyDraws(), options.lotterySize());
      int successes = 0;
      int failures = 0;
      while (successes < draws) {
        Optional<int[]> panel = greedy.draw(random);
        if (panel.isEmpty()) {
          if (++failures > 10_000 + 20L * successes) {
            throw new IllegalStateException(
                "The legacy method got stuck in "
                    + failures
                    + " of "
                    + (failures + successes)
                    + " draws on these quotas; use leximin or maximin, which never get stuck.");
          }
          continue;
        }
        successes++;
        for (int i : panel.get()) {
          counts[i]++;
        }
        List<String> ids = new ArrayList<>();
        for (int i : panel.get()) {
          ids.add(people.get(i).id());
        }
        Panel p = new Panel(ids);
        distinct.put(p, Boolean.TRUE);
        if (tickets.size() < options.lotterySize()) {
          tickets.add(p);
        }
      }
      Map<String, Double> probabilities = new LinkedHashMap<>();
      for (int i = 0; i < people.size(); i++) {
        probabilities.put(people.get(i).id(), (double) counts[i] / successes);
      }
      return new SelectionResult(
          name(),
          options.seed(),
          probabilities,
          new Lottery(tickets),
          distinct.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
  }

  static SelectionResult fair(SelectionProblem problem, SelectionOptions options, boolean leximin) {
    FairSelection.Objective objective =
        leximin ? FairSelection.Objective.LEXIMIN : FairSelection.Objective.MAXIMIN;
    SelectionOptions named =
        new SelectionOptions(
            leximin ? Algorithm.LEXIMIN.id() : Algorithm.MAXIMIN.id(),
            options.seed(),
            options.lotterySize(),
            options.legacyDraws());
    return FairSelection.select(
        problem, named, FairSelection.Settings.of(objective, FairSelection.defaultSolver()));
  }
}
