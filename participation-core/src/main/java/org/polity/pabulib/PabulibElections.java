package org.polity.pabulib;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;

/**
 * Interprets a {@link PabulibFile} for counting, the way pabutools reads it:
 *
 * <ul>
 *   <li>META {@code budget} and {@code vote_type} are required; numbers may use {@code .} or {@code
 *       ,} as decimal separator and are kept exact;
 *   <li>PROJECTS needs {@code project_id} and {@code cost}; optional {@code name}, {@code category}
 *       (comma-separated themes) and {@code district}; a cell reading {@code none} (any case) is
 *       missing;
 *   <li>VOTES needs {@code vote} (comma-separated project ids, best first for ordinal ballots) and,
 *       for cumulative and scoring ballots, {@code points} parallel to it. An empty vote is an
 *       empty ballot. A project listed twice in an approval ballot counts once; in a cumulative or
 *       scoring ballot the last (project, points) pair wins; in a ranking the first position
 *       counts.
 * </ul>
 *
 * Anything else (an unknown project in a vote, a cost that is not a number, points not parallel to
 * the vote) is a {@link PabulibFormatException} with the line number.
 */
public final class PabulibElections {

  private static final Set<String> VOTE_TYPES =
      Set.of("approval", "choose-1", "cumulative", "scoring", "ordinal");

  private PabulibElections() {}

  /**
   * Reads and interprets a file.
   *
   * @param path the {@code .pb} file
   * @return the election
   * @throws IOException when the file cannot be read
   */
  public static PabulibElection read(Path path) throws IOException {
    return toElection(PabulibReader.read(path));
  }

  /**
   * Interprets a file.
   *
   * @param file the file as read
   * @return the election
   */
  public static PabulibElection toElection(PabulibFile file) {
    Map<String, String> meta = file.metaMap();
    PabulibTable.Row budgetRow =
        file.metaRow("budget")
            .orElseThrow(
                () ->
                    new PabulibFormatException(
                        firstLine(file.meta()),
                        "META has no 'budget' key; expected a line budget;<amount>"));
    BigDecimal budget = number(budgetRow.cell(1), budgetRow.line(), "the META budget");
    if (budget.signum() <= 0) {
      throw new PabulibFormatException(
          budgetRow.line(), "expected a budget above zero, found " + budgetRow.cell(1));
    }
    PabulibTable.Row typeRow =
        file.metaRow("vote_type")
            .orElseThrow(
                () ->
                    new PabulibFormatException(
                        firstLine(file.meta()),
                        "META has no 'vote_type' key; expected one of " + VOTE_TYPES));
    String voteType = typeRow.cell(1).strip().toLowerCase(Locale.ROOT);
    if (!VOTE_TYPES.contains(voteType)) {
      throw new PabulibFormatException(
          typeRow.line(),
          "expected a vote_type among approval, choose-1, cumulative, scoring, ordinal; found '"
              + typeRow.cell(1)
              + "'");
    }
    String currency = Optional.ofNullable(meta.get("currency")).map(String::strip).orElse("");

    PabulibTable projects = file.projects();
    int idColumn = required(projects, "project_id", "PROJECTS");
    int costColumn = required(projects, "cost", "PROJECTS");
    Optional<Integer> nameColumn = projects.column("name");
    Optional<Integer> categoryColumn = projects.column("category");
    Optional<Integer> districtColumn = projects.column("district");
    List<ElectionProject> electionProjects = new ArrayList<>();
    Map<String, ProjectId> ids = new LinkedHashMap<>();
    for (PabulibTable.Row row : projects.rows()) {
      String id = row.cell(idColumn).strip();
      if (id.isEmpty()) {
        throw new PabulibFormatException(row.line(), "expected a project_id, found an empty cell");
      }
      if (ids.containsKey(id)) {
        throw new PabulibFormatException(
            row.line(), "the project_id " + id + " was already listed; each project appears once");
      }
      BigDecimal cost = number(row.cell(costColumn), row.line(), "the cost of project " + id);
      if (cost.signum() < 0) {
        throw new PabulibFormatException(
            row.line(),
            "expected a cost of 0 or more for project " + id + ", found " + row.cell(costColumn));
      }
      String name = optional(row, nameColumn).orElse("");
      Set<String> categories = new LinkedHashSet<>();
      optional(row, categoryColumn)
          .ifPresent(
              cell -> {
                for (String c : cell.split(",")) {
                  if (!c.isBlank()) {
                    categories.add(c.strip());
                  }
                }
              });
      ProjectId projectId = ProjectId.of(id);
      ids.put(id, projectId);
      electionProjects.add(
          new ElectionProject(projectId, cost, name, categories, optional(row, districtColumn)));
    }

    PabulibTable votes = file.votes();
    int voteColumn = required(votes, "vote", "VOTES");
    Optional<Integer> voterColumn = votes.column("voter_id");
    boolean withPoints = voteType.equals("cumulative") || voteType.equals("scoring");
    int pointsColumn = withPoints ? required(votes, "points", "VOTES") : -1;
    List<Ballot> ballots = new ArrayList<>(votes.rows().size());
    Set<String> voters = new HashSet<>();
    for (PabulibTable.Row row : votes.rows()) {
      if (voterColumn.isPresent()) {
        String voter = row.cell(voterColumn.get()).strip();
        if (!voter.isEmpty() && !voters.add(voter)) {
          throw new PabulibFormatException(
              row.line(), "the voter_id " + voter + " was already used; each voter has one ballot");
        }
      }
      List<ProjectId> listed = new ArrayList<>();
      for (String cell : list(row.cell(voteColumn))) {
        ProjectId id = ids.get(cell);
        if (id == null) {
          throw new PabulibFormatException(
              row.line(),
              "the vote names project '" + cell + "', which is not in the PROJECTS section");
        }
        listed.add(id);
      }
      Ballot ballot;
      if (withPoints) {
        List<String> points = list(row.cell(pointsColumn));
        if (points.size() != listed.size()) {
          throw new PabulibFormatException(
              row.line(),
              "expected as many points as projects in the vote ("
                  + listed.size()
                  + "), found "
                  + points.size());
        }
        Map<ProjectId, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < listed.size(); i++) {
          values.put(listed.get(i), whole(points.get(i), row.line()));
        }
        ballot =
            voteType.equals("cumulative")
                ? new Ballot.Cumulative(values)
                : new Ballot.Cardinal(values);
      } else if (voteType.equals("ordinal")) {
        ballot = new Ballot.Ordinal(new ArrayList<>(new LinkedHashSet<>(listed)));
      } else {
        ballot = new Ballot.Approval(new LinkedHashSet<>(listed));
      }
      ballots.add(ballot);
    }
    return new PabulibElection(
        new Election(budget, currency, electionProjects, ballots), voteType, meta);
  }

  private static int firstLine(PabulibTable table) {
    return table.rows().isEmpty() ? 0 : table.rows().get(0).line();
  }

  private static int required(PabulibTable table, String column, String section) {
    return table
        .column(column)
        .orElseThrow(
            () ->
                new PabulibFormatException(
                    firstLine(table) > 0 ? firstLine(table) - 1 : 0,
                    "the "
                        + section
                        + " header has no column '"
                        + column
                        + "'; found "
                        + String.join(";", table.header())));
  }

  private static Optional<String> optional(PabulibTable.Row row, Optional<Integer> column) {
    if (column.isEmpty()) {
      return Optional.empty();
    }
    String cell = row.cell(column.get()).strip();
    return cell.isEmpty() || cell.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(cell);
  }

  private static List<String> list(String cell) {
    String trimmed = cell.strip();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : trimmed.split(",", -1)) {
      out.add(part.strip());
    }
    return out;
  }

  /** A number with '.' or ',' as decimal separator (not both), exact. */
  static BigDecimal number(String cell, int line, String what) {
    String text = cell.strip();
    if (text.indexOf(',') >= 0
        && text.indexOf('.') < 0
        && text.indexOf(',') == text.lastIndexOf(',')) {
      text = text.replace(',', '.');
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new PabulibFormatException(
          line, "expected a number for " + what + ", found '" + cell + "'");
    }
  }

  private static int whole(String cell, int line) {
    BigDecimal value = number(cell, line, "points");
    try {
      int points = value.intValueExact();
      if (points < 0) {
        throw new PabulibFormatException(line, "expected points of 0 or more, found " + cell);
      }
      return points;
    } catch (ArithmeticException e) {
      throw new PabulibFormatException(line, "expected whole points, found '" + cell + "'");
    }
  }
}
