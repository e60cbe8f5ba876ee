package org.polity.ballot;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polity.common.ProjectId;

/**
 * What one voter hands in for one budget. The four kinds are those of the research literature and
 * of Pabulib: approval, cardinal (a score per project), cumulative (points spread over projects)
 * and ordinal (a ranking, best first).
 *
 * <p>A ballot holds only project identifiers and numbers: it never names its voter. Whether a
 * ballot is valid for an edition is decided by its ballot form, not here; the records only refuse
 * values that cannot be a ballot at all (a project listed twice in a ranking, a negative score).
 */
public sealed interface Ballot
    permits Ballot.Approval, Ballot.Cardinal, Ballot.Cumulative, Ballot.Ordinal {

  /**
   * The projects this ballot names, in the ballot's own order.
   *
   * @return the projects, without repetition
   */
  Set<ProjectId> projects();

  /**
   * An approval ballot: the voter approves a set of projects (the "basket" of a participatory
   * budget).
   *
   * @param projects the approved projects, in the order given
   */
  record Approval(Set<ProjectId> projects) implements Ballot {
    /** Copies the set, keeping its order. */
    public Approval {
      projects = copy(projects);
    }

    /**
     * An approval ballot.
     *
     * @param projects the approved projects
     * @return the ballot
     */
    public static Approval of(ProjectId... projects) {
      return new Approval(new LinkedHashSet<>(List.of(projects)));
    }
  }

  /**
   * A cardinal ballot: the voter gives each project a score on a scale.
   *
   * @param scores the score per project; no negative score
   */
  record Cardinal(Map<ProjectId, Integer> scores) implements Ballot {
    /** Refuses negative scores; copies the map, keeping its order. */
    public Cardinal {
      scores = copyNonNegative(scores, "score");
    }

    @Override
    public Set<ProjectId> projects() {
      return scores.keySet();
    }
  }

  /**
   * A cumulative ballot: the voter spreads a number of points over projects.
   *
   * @param points the points per project; no negative number
   */
  record Cumulative(Map<ProjectId, Integer> points) implements Ballot {
    /** Refuses negative points; copies the map, keeping its order. */
    public Cumulative {
      points = copyNonNegative(points, "points");
    }

    @Override
    public Set<ProjectId> projects() {
      return points.keySet();
    }
  }

  /**
   * An ordinal ballot: the voter ranks projects, best first.
   *
   * @param ranking the projects in order of preference; no project twice
   */
  record Ordinal(List<ProjectId> ranking) implements Ballot {
    /** Refuses a project ranked twice. */
    public Ordinal {
      Objects.requireNonNull(ranking, "ranking");
      Set<ProjectId> seen = new LinkedHashSet<>();
      for (ProjectId id : ranking) {
        if (!seen.add(Objects.requireNonNull(id, "project id"))) {
          throw new IllegalArgumentException(
              "Project " + id + " is ranked twice: a ranking names each project at most once.");
        }
      }
      ranking = List.copyOf(ranking);
    }

    @Override
    public Set<ProjectId> projects() {
      return new LinkedHashSet<>(ranking);
    }
  }

  private static Set<ProjectId> copy(Set<ProjectId> projects) {
    Objects.requireNonNull(projects, "projects");
    if (projects instanceof ProjectSet) {
      return projects; // immutable already
    }
    if (projects.size() <= ProjectSet.MAX) {
      ProjectId[] ids = new ProjectId[projects.size()];
      int n = 0;
      for (ProjectId id : projects) {
        if (n == ids.length) {
          ids = java.util.Arrays.copyOf(ids, n + 1); // a set that grew while copied
        }
        ids[n++] = Objects.requireNonNull(id, "project id");
      }
      return new ProjectSet(n == ids.length ? ids : java.util.Arrays.copyOf(ids, n));
    }
    Set<ProjectId> copy = new LinkedHashSet<>();
    for (ProjectId id : projects) {
      copy.add(Objects.requireNonNull(id, "project id"));
    }
    return java.util.Collections.unmodifiableSet(copy);
  }

  private static Map<ProjectId, Integer> copyNonNegative(
      Map<ProjectId, Integer> values, String what) {
    Objects.requireNonNull(values, what);
    Map<ProjectId, Integer> copy = new LinkedHashMap<>();
    values.forEach(
        (id, value) -> {
          Objects.requireNonNull(id, "project id");
          if (value == null || value < 0) {
            throw new IllegalArgumentException(
                "The " + what + " for project " + id + " is " + value + ": it must be 0 or more.");
          }
          copy.put(id, value);
        });
    return java.util.Collections.unmodifiableMap(copy);
  }
}
