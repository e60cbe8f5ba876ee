package org.polity.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.polity.counting.BudgetStep;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;
import org.polity.counting.Satisfaction;
import org.polity.pabulib.PabulibElection;
import org.polity.pabulib.PabulibElections;

/**
 * Times each counting rule on every {@code .pb} file of a folder and prints a Markdown table: per
 * cell, milliseconds of CPU time of the counting thread and, in parentheses, wall-clock
 * milliseconds (medians of the timed runs after one warm-up run; parsing excluded, shown
 * separately), and the peak heap while reading and counting each instance (the sum of the heap
 * pools' peaks since the instance started, an upper bound).
 *
 * <p>Usage: {@code java -Xmx512m -jar benchmarks/target/polity-benchmarks.jar FOLDER [--runs N]
 * [--limit SECONDS] [--only REGEX]}. A cell over the limit prints {@code >limit}.
 */
public final class CountingBenchmark {

  private record Rule(
      String name,
      String rule,
      Satisfaction satisfaction,
      Completion completion,
      String voteTypes) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("greedy_cost", "greedy", Satisfaction.COST, Completion.none(), "*"),
          new Rule("greedy_card", "greedy", Satisfaction.CARDINALITY, Completion.none(), "*"),
          new Rule(
              "greedy_points",
              "greedy",
              Satisfaction.POINTS,
              Completion.none(),
              "cumulative scoring"),
          new Rule("greedy_borda", "greedy", Satisfaction.BORDA, Completion.none(), "ordinal"),
          new Rule("mes_cost", "mes", Satisfaction.COST, Completion.none(), "*"),
          new Rule("mes_card", "mes", Satisfaction.CARDINALITY, Completion.none(), "*"),
          new Rule(
              "mes_points", "mes", Satisfaction.POINTS, Completion.none(), "cumulative scoring"),
          new Rule("mes_borda", "mes", Satisfaction.BORDA, Completion.none(), "ordinal"),
          new Rule(
              "phragmen", "phragmen", Satisfaction.COST, Completion.none(), "approval choose-1"),
          new Rule("mes_cost_add1", "mes", Satisfaction.COST, Completion.add1(), "*"),
          new Rule(
              "mes_cost_add1_greedy",
              "mes",
              Satisfaction.COST,
              Completion.add1(new BudgetStep.PerVoter(BigDecimal.ONE), true),
              "*"),
          new Rule(
              "mes_cost_inc1pct",
              "mes",
              Satisfaction.COST,
              Completion.add1(new BudgetStep.PercentOfBudget(BigDecimal.ONE), false),
              "*"));

  private CountingBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the folder of {@code .pb} files, then options
   * @throws Exception when a file cannot be read
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(
          "usage: CountingBenchmark FOLDER [--runs N] [--limit SECONDS] [--only REGEX]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    int runs = 3;
    long limitSeconds = 60;
    String only = ".*";
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--limit" -> limitSeconds = Long.parseLong(args[i + 1]);
        case "--only" -> only = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      String pattern = only;
      list.filter(p -> p.toString().endsWith(".pb"))
          .filter(p -> p.getFileName().toString().matches(pattern))
          .forEach(files::add);
    }
    files.sort((a, b) -> Long.compare(size(b), size(a)));
    System.out.printf(
        "JVM %s, %d processors, max heap %d MB, %d timed runs after 1 warm-up, limit %d s per cell%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        runs,
        limitSeconds);
    StringBuilder header = new StringBuilder("| instance | voters | parse ms |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (Rule r : RULES) {
      header.append(' ').append(r.name()).append(" |");
      rule.append("---:|");
    }
    header.append(" peak heap MB |");
    rule.append("---:|");
    System.out.println(header);
    System.out.println(rule);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "count");
              t.setDaemon(true);
              return t;
            });
    for (Path file : files) {
      System.gc();
      resetPeaks();
      long parseStart = System.nanoTime();
      PabulibElection election = PabulibElections.read(file);
      long parseMs = (System.nanoTime() - parseStart) / 1_000_000;
      String name = file.getFileName().toString().replace(".pb", "");
      StringBuilder line =
          new StringBuilder(
              "| " + name + " | " + election.election().ballots().size() + " | " + parseMs + " |");
      for (Rule r : RULES) {
        if (!r.voteTypes().equals("*") && !r.voteTypes().contains(election.voteType())) {
          line.append(" – |");
          continue;
        }
        line.append(' ')
            .append(time(executor, election.election(), r, runs, limitSeconds))
            .append(" |");
      }
      line.append(' ').append(peakHeapMb()).append(" |");
      System.out.println(line);
    }
    executor.shutdownNow();
  }

  private static String time(
      ExecutorService executor, Election election, Rule rule, int runs, long limitSeconds) {
    CountingOptions options =
        CountingOptions.defaults()
            .withSatisfaction(rule.satisfaction())
            .withCompletion(rule.completion());
    List<Long> nanos = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    for (int i = 0; i <= runs; i++) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      long wallStart = System.nanoTime();
      Future<Long> future =
          executor.submit(
              () -> {
                var threads = ManagementFactory.getThreadMXBean();
                long start = threads.getCurrentThreadCpuTime();
                CountingResult result = CountingRules.named(rule.rule()).count(election, options);
                if (result.winners().isEmpty() && result.cost().signum() < 0) {
                  throw new IllegalStateException("impossible");
                }
                return threads.getCurrentThreadCpuTime() - start;
              });
      try {
        long cpu = future.get(left, TimeUnit.NANOSECONDS);
        long wall = System.nanoTime() - wallStart;
        if (i > 0 || runs == 0) {
          nanos.add(cpu);
          walls.add(wall);
        }
      } catch (TimeoutException e) {
        future.cancel(true);
        return nanos.isEmpty()
            ? ">" + limitSeconds * 1000
            : median(nanos) + " (" + median(walls) + ")";
      } catch (Exception e) {
        return "error: " + e.getCause();
      }
    }
    return nanos.isEmpty() ? ">" + limitSeconds * 1000 : median(nanos) + " (" + median(walls) + ")";
  }

  private static String median(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    double ms = sorted.get(sorted.size() / 2) / 1e6;
    return ms < 10
        ? String.format(Locale.ROOT, "%.2f", ms)
        : String.format(Locale.ROOT, "%.0f", ms);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    Map<String, Long> peaks = new LinkedHashMap<>();
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        long peak = pool.getPeakUsage().getUsed();
        peaks.put(pool.getName(), peak);
        total += peak;
      }
    }
    return total >> 20;
  }
}
