package org.polity.pabulib;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polity.ballot.Ballot;
import org.polity.ballot.BallotKind;
import org.polity.common.ProjectId;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;

/**
 * Exports the anonymised ballots of one budget as a Pabulib file, so that anyone can recount them
 * with independent tools (pabutools, the equalshares.net tool).
 *
 * <p>Ballots carry no voter data; voter ids are 1, 2, 3, … given after sorting the ballots by their
 * content, so that the order of the file reveals nothing about when or where people voted.
 */
public final class PabulibExport {

  private PabulibExport() {}

  /**
   * The Pabulib file of an election.
   *
   * @param election the budget, projects and ballots (all ballots of one kind)
   * @param meta descriptive META pairs (e.g. {@code description}, {@code country}, {@code unit},
   *     {@code instance}, {@code rule}); {@code num_projects}, {@code num_votes}, {@code budget},
   *     {@code vote_type} and {@code currency} are computed and must not be given
   * @return the file, ready for {@link PabulibWriter}
   */
  public static PabulibFile toFile(Election election, Map<String, String> meta) {
    BallotKind kind = kind(election.ballots());
    for (String computed :
        List.of("num_projects", "num_votes", "budget", "vote_type", "currency")) {
      if (meta.containsKey(computed)) {
        throw new IllegalArgumentException(
            "The META key '"
                + computed
                + "' is computed from the election: leave it out of the descriptive META.");
      }
    }
    Map<String, String> allMeta = new LinkedHashMap<>(meta);
    allMeta.put("num_projects", String.valueOf(election.projects().size()));
    allMeta.put("num_votes", String.valueOf(election.ballots().size()));
    allMeta.put("budget", election.budget().toPlainString());
    allMeta.put(
        "vote_type",
        switch (kind) {
          case APPROVAL -> "approval";
          case CUMULATIVE -> "cumulative";
          case CARDINAL -> "scoring";
          case ORDINAL -> "ordinal";
        });
    if (!election.currency().isEmpty()) {
      allMeta.put("currency", election.currency());
    }

    Map<ProjectId, Integer> votes = new HashMap<>();
    for (Ballot ballot : election.ballots()) {
      for (ProjectId id : ballot.projects()) {
        votes.merge(id, 1, Integer::sum);
      }
    }
    boolean categories = election.projects().stream().anyMatch(p -> !p.categories().isEmpty());
    boolean districts = election.projects().stream().anyMatch(p -> p.district().isPresent());
    List<String> header = new ArrayList<>(List.of("project_id", "cost", "votes", "name"));
    if (categories) {
      header.add("category");
    }
    if (districts) {
      header.add("district");
    }
    List<PabulibTable.Row> projectRows = new ArrayList<>();
    for (ElectionProject p : election.projects()) {
      List<String> cells = new ArrayList<>();
      cells.add(p.id().value());
      cells.add(plain(p.cost()));
      cells.add(String.valueOf(votes.getOrDefault(p.id(), 0)));
      cells.add(p.name());
      if (categories) {
        cells.add(p.categories().stream().sorted().collect(Collectors.joining(",")));
      }
      if (districts) {
        cells.add(p.district().orElse(""));
      }
      projectRows.add(PabulibTable.Row.of(cells));
    }

    boolean points = kind == BallotKind.CUMULATIVE || kind == BallotKind.CARDINAL;
    List<String[]> ballots = new ArrayList<>();
    for (Ballot ballot : election.ballots()) {
      ballots.add(cells(ballot));
    }
    ballots.sort(Comparator.<String[], String>comparing(b -> b[0]).thenComparing(b -> b[1]));
    List<PabulibTable.Row> voteRows = new ArrayList<>();
    for (int i = 0; i < ballots.size(); i++) {
      List<String> cells = new ArrayList<>(List.of(String.valueOf(i + 1), ballots.get(i)[0]));
      if (points) {
        cells.add(ballots.get(i)[1]);
      }
      voteRows.add(PabulibTable.Row.of(cells));
    }
    List<String> voteHeader =
        points ? List.of("voter_id", "vote", "points") : List.of("voter_id", "vote");
    return PabulibFile.of(
        allMeta, new PabulibTable(header, projectRows), new PabulibTable(voteHeader, voteRows));
  }

  private static String[] cells(Ballot ballot) {
    if (ballot instanceof Ballot.Cumulative c) {
      return pointsCells(c.points());
    }
    if (ballot instanceof Ballot.Cardinal c) {
      return pointsCells(c.scores());
    }
    if (ballot instanceof Ballot.Ordinal o) {
      return new String[] {
        o.ranking().stream().map(ProjectId::value).collect(Collectors.joining(",")), ""
      };
    }
    return new String[] {
      ballot.projects().stream().map(ProjectId::value).collect(Collectors.joining(",")), ""
    };
  }

  private static String[] pointsCells(Map<ProjectId, Integer> points) {
    String ids = points.keySet().stream().map(ProjectId::value).collect(Collectors.joining(","));
    String values = points.values().stream().map(String::valueOf).collect(Collectors.joining(","));
    return new String[] {ids, values};
  }

  private static BallotKind kind(List<Ballot> ballots) {
    BallotKind kind = null;
    for (Ballot ballot : ballots) {
      BallotKind k = BallotKind.of(ballot);
      if (kind != null && k != kind) {
        throw new IllegalArgumentException(
            "The ballots mix "
                + kind
                + " and "
                + k
                + " ballots: a Pabulib file holds one kind of ballot.");
      }
      kind = k;
    }
    return kind == null ? BallotKind.APPROVAL : kind;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
