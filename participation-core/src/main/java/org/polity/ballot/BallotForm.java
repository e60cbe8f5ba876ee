package org.polity.ballot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.Money;
import org.polity.common.ProjectId;

/**
 * What a valid ballot is for one budget: its kind, how many projects it may name (for a ranking:
 * the ranking length), the most its projects may cost together (the "basket", usually the
 * envelope), and for points or scores how many may be given. Build one with {@link #builder}.
 *
 * <p>{@link #problems(Ballot, Map)} answers with <em>every</em> reason a ballot is invalid, never
 * just the first, so that a voter can fix everything at once.
 *
 * @param kind the kind of ballot expected
 * @param minProjects the fewest projects a ballot must name (0 or more)
 * @param maxProjects the most projects a ballot may name
 * @param maxTotalCost the most the named projects may cost together, if limited
 * @param pointsToSpread cumulative ballots: the most points a voter may give in all (0: no limit)
 * @param spendAllPoints cumulative ballots: whether exactly {@code pointsToSpread} must be given
 * @param maxPointsPerProject cumulative ballots: the most points on one project (0: no limit)
 * @param minScore cardinal ballots: the lowest score
 * @param maxScore cardinal ballots: the highest score
 */
public record BallotForm(
    BallotKind kind,
    int minProjects,
    int maxProjects,
    Optional<Money> maxTotalCost,
    int pointsToSpread,
    boolean spendAllPoints,
    int maxPointsPerProject,
    int minScore,
    int maxScore) {

  /** Checks the limits are consistent. */
  public BallotForm {
    Objects.requireNonNull(kind, "kind");
    maxTotalCost = maxTotalCost == null ? Optional.empty() : maxTotalCost;
    if (minProjects < 0 || maxProjects < minProjects) {
      throw new IllegalArgumentException(
          "A ballot form asks for "
              + minProjects
              + " to "
              + maxProjects
              + " projects: give 0 ≤ minimum ≤ maximum.");
    }
    if (pointsToSpread < 0 || maxPointsPerProject < 0) {
      throw new IllegalArgumentException(
          "Points to spread ("
              + pointsToSpread
              + ") and points per project ("
              + maxPointsPerProject
              + ") cannot be negative: use 0 for no limit.");
    }
    if (spendAllPoints && pointsToSpread == 0) {
      throw new IllegalArgumentException(
          "A ballot form requires spending all points but sets no points to spread: set pointsToSpread.");
    }
    if (minScore > maxScore) {
      throw new IllegalArgumentException(
          "The score range " + minScore + ".." + maxScore + " is empty: give minScore ≤ maxScore.");
    }
  }

  /**
   * A builder for a kind of ballot: by default 0 to any number of projects, no basket limit, no
   * points limit, scores 0 to 10.
   *
   * @param kind the kind of ballot
   * @return a builder
   */
  public static Builder builder(BallotKind kind) {
    return new Builder(kind);
  }

  /**
   * Every reason why a ballot is invalid for this form.
   *
   * @param ballot the ballot
   * @param costs the cost of each project of the budget (its keys are the projects one may vote
   *     for)
   * @return the problems, empty when the ballot is valid
   */
  public List<BallotProblem> problems(Ballot ballot, Map<ProjectId, Money> costs) {
    List<BallotProblem> problems = new ArrayList<>();
    BallotKind actual = BallotKind.of(ballot);
    if (actual != kind) {
      problems.add(
          BallotProblem.of(
              "ballot.wrongKind",
              kind.name().toLowerCase(java.util.Locale.ROOT),
              actual.name().toLowerCase(java.util.Locale.ROOT)));
      return problems;
    }
    for (ProjectId id : ballot.projects()) {
      if (!costs.containsKey(id)) {
        problems.add(BallotProblem.of("ballot.unknownProject", id.value()));
      }
    }
    int named = ballot.projects().size();
    if (named < minProjects) {
      problems.add(BallotProblem.of("ballot.tooFewProjects", minProjects, named));
    }
    if (named > maxProjects) {
      problems.add(BallotProblem.of("ballot.tooManyProjects", maxProjects, named));
    }
    if (maxTotalCost.isPresent()) {
      Money limit = maxTotalCost.get();
      BigDecimal total = BigDecimal.ZERO;
      for (ProjectId id : ballot.projects()) {
        Money cost = costs.get(id);
        if (cost != null) {
          total = total.add(cost.amount());
        }
      }
      if (total.compareTo(limit.amount()) > 0) {
        problems.add(
            BallotProblem.of(
                "ballot.overBasket", total, limit.amount(), limit.currency().getCurrencyCode()));
      }
    }
    if (ballot instanceof Ballot.Cumulative cumulative) {
      int sum = 0;
      for (Map.Entry<ProjectId, Integer> e : cumulative.points().entrySet()) {
        sum += e.getValue();
        if (maxPointsPerProject > 0 && e.getValue() > maxPointsPerProject) {
          problems.add(
              BallotProblem.of(
                  "ballot.pointsPerProject",
                  e.getKey().value(),
                  e.getValue(),
                  maxPointsPerProject));
        }
      }
      if (pointsToSpread > 0 && sum > pointsToSpread) {
        problems.add(BallotProblem.of("ballot.tooManyPoints", sum, pointsToSpread));
      }
      if (spendAllPoints && sum < pointsToSpread) {
        problems.add(BallotProblem.of("ballot.notAllPoints", sum, pointsToSpread));
      }
    }
    if (ballot instanceof Ballot.Cardinal cardinal) {
      cardinal
          .scores()
          .forEach(
              (id, score) -> {
                if (score < minScore || score > maxScore) {
                  problems.add(
                      BallotProblem.of(
                          "ballot.scoreOutOfRange", id.value(), score, minScore, maxScore));
                }
              });
    }
    return List.copyOf(problems);
  }

  /** Builds a {@link BallotForm}; every setter returns the builder. */
  public static final class Builder {
    private final BallotKind kind;
    private int minProjects;
    private int maxProjects = Integer.MAX_VALUE;
    private Money maxTotalCost;
    private int pointsToSpread;
    private boolean spendAllPoints;
    private int maxPointsPerProject;
    private int minScore;
    private int maxScore = 10;

    private Builder(BallotKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param min the fewest projects
     * @param max the most projects (for a ranking: the ranking length)
     * @return this builder
     */
    public Builder projects(int min, int max) {
      this.minProjects = min;
      this.maxProjects = max;
      return this;
    }

    /**
     * @param limit the most the named projects may cost together (the basket)
     * @return this builder
     */
    public Builder maxTotalCost(Money limit) {
      this.maxTotalCost = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /**
     * @param points the points a voter spreads
     * @param all whether all of them must be given
     * @param perProject the most on one project (0: no limit)
     * @return this builder
     */
    public Builder points(int points, boolean all, int perProject) {
      this.pointsToSpread = points;
      this.spendAllPoints = all;
      this.maxPointsPerProject = perProject;
      return this;
    }

    /**
     * @param min the lowest score
     * @param max the highest score
     * @return this builder
     */
    public Builder scores(int min, int max) {
      this.minScore = min;
      this.maxScore = max;
      return this;
    }

    /**
     * @return the form
     */
    public BallotForm build() {
      return new BallotForm(
          kind,
          minProjects,
          maxProjects,
          Optional.ofNullable(maxTotalCost),
          pointsToSpread,
          spendAllPoints,
          maxPointsPerProject,
          minScore,
          maxScore);
    }
  }
}
