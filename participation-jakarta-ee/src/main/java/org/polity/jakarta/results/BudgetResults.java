package org.polity.jakarta.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.jakarta.process.CountingDefinition;

/**
 * The outcome of counting one budget's counted ballots with its process's rule: the election that
 * was counted (envelope, projects, anonymous ballots), core's {@link CountingResult} with its
 * explanations, and the tallies shown next to it.
 *
 * @param budget the budget
 * @param process the process that declares it
 * @param counting the rule and options, as the process defines them
 * @param envelope the budget's envelope
 * @param projects the budget's projects, in the process's order, with their tallies
 * @param election what was counted (the ballots with projects outside the budget left out)
 * @param ignoredMentions how many mentions of projects outside the budget were left out
 * @param result core's outcome
 * @param countedAt when the count was made
 */
public record BudgetResults(
    BudgetId budget,
    ProcessId process,
    CountingDefinition counting,
    Money envelope,
    List<ProjectTally> projects,
    Election election,
    long ignoredMentions,
    CountingResult result,
    Instant countedAt) {

  /** Refuses nulls and copies the list. */
  public BudgetResults {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(counting, "counting");
    Objects.requireNonNull(envelope, "envelope");
    projects = List.copyOf(projects);
    Objects.requireNonNull(election, "election");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(countedAt, "countedAt");
  }

  /**
   * One project of the budget and what the ballots gave it.
   *
   * @param id the project
   * @param title its public title
   * @param cost its cost
   * @param votes how many counted ballots name it
   * @param points the points or scores given to it (0 for approval and ordinal ballots)
   */
  public record ProjectTally(
      org.polity.common.ProjectId id, LocalizedText title, Money cost, long votes, long points) {
    /** Refuses nulls. */
    public ProjectTally {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(cost, "cost");
    }
  }

  /**
   * @return the number of counted ballots
   */
  public int ballots() {
    return election.ballots().size();
  }
}
