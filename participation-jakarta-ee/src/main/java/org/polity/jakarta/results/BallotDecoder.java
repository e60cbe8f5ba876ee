package org.polity.jakarta.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * Turns the stored contents of counted ballots (the JSON of {@link
 * org.polity.jakarta.voting.BallotJson}, written at cast time) into core {@link Ballot}s for one
 * budget's projects, fast enough for live results on hundreds of thousands of ballots:
 *
 * <ul>
 *   <li>a streaming parse (Jackson's {@link JsonParser}), no JSON tree;
 *   <li>project ids looked up once in the budget's index, never re-created;
 *   <li>identical ballots (same kind, same projects and values, whatever their order in the JSON)
 *       share one {@link Ballot} instance, so most ballots cost no allocation beyond the parse.
 * </ul>
 *
 * <p>A project a ballot names that is not one of the budget's projects is left out of that ballot
 * and counted in {@link #ignoredMentions()}; the ballot itself still counts. It tallies as it goes:
 * per project the ballots naming it ({@link #votes()}) and the points or scores given ({@link
 * #points()}). Not thread-safe: one decoder per count.
 */
final class BallotDecoder {

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Integer> index = new HashMap<>();
  private final ProjectId[] ids;
  private final long[] votes;
  private final long[] points;
  private final Map<String, Ballot> shared = new HashMap<>();
  private final List<Ballot> ballots = new ArrayList<>();
  private long ignoredMentions;
  private boolean withPoints;
  private int[] indices = new int[16];
  private int[] values = new int[16];

  /**
   * A decoder for a budget.
   *
   * @param projects the budget's projects
   */
  BallotDecoder(List<ProjectId> projects) {
    ids = projects.toArray(ProjectId[]::new);
    for (int i = 0; i < ids.length; i++) {
      index.put(ids[i].value(), i);
    }
    votes = new long[ids.length];
    points = new long[ids.length];
  }

  /**
   * Decodes one stored ballot and keeps it.
   *
   * @param contents the stored JSON
   * @throws IllegalStateException if the stored text is not a ballot (a corrupt row)
   */
  void add(String contents) {
    String kind = null;
    int size = 0;
    try (JsonParser parser = JSON.createParser(contents)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt(contents);
      }
      for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("kind") && value == JsonToken.VALUE_STRING) {
          kind = parser.getText();
        } else if (value == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            size = keep(parser.getText(), 0, size);
          }
        } else if (value == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String project = parser.currentName();
            parser.nextToken();
            size = keep(project, parser.getIntValue(), size);
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("A stored ballot is not readable JSON (" + e.getMessage() + "): "
          + abbreviate(contents), e);
    }
    if (kind == null) {
      throw corrupt(contents);
    }
    ballots.add(ballot(kind, size, contents));
  }

  private int keep(String project, int value, int size) {
    Integer at = index.get(project);
    if (at == null) {
      ignoredMentions++;
      return size;
    }
    if (size == indices.length) {
      indices = Arrays.copyOf(indices, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    indices[size] = at;
    values[size] = value;
    votes[at]++;
    points[at] += value;
    return size + 1;
  }

  private Ballot ballot(String kind, int size, String contents) {
    StringBuilder key = new StringBuilder(2 + 2 * size).append(kind.charAt(0)).append(kind.charAt(1));
    if (kind.equals("approval")) {
      Arrays.sort(indices, 0, size);
    }
    for (int i = 0; i < size; i++) {
      key.append((char) indices[i]);
      if (!kind.equals("approval") && !kind.equals("ordinal")) {
        key.append((char) (values[i] >>> 16)).append((char) values[i]);
      }
    }
    String canonical = key.toString();
    Ballot known = shared.get(canonical);
    if (known != null) {
      return known;
    }
    Ballot made = switch (kind) {
      case "approval" -> {
        Set<ProjectId> set = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
          set.add(ids[indices[i]]);
        }
        yield new Ballot.Approval(set);
      }
      case "ordinal" -> {
        List<ProjectId> ranking = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          ranking.add(ids[indices[i]]);
        }
        yield new Ballot.Ordinal(ranking);
      }
      case "cardinal", "cumulative" -> {
        withPoints = true;
        Map<ProjectId, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          map.put(ids[indices[i]], values[i]);
        }
        yield kind.equals("cardinal") ? new Ballot.Cardinal(map) : new Ballot.Cumulative(map);
      }
      default -> throw corrupt(contents);
    };
    shared.put(canonical, made);
    return made;
  }

  private static IllegalStateException corrupt(String contents) {
    return new IllegalStateException("A stored ballot is not a ballot of a known kind: " + abbreviate(contents));
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  /**
   * The project ids a stored ballot names, whatever its kind, without checking them.
   *
   * @param contents the stored JSON
   * @return the ids, in the order written
   */
  static List<String> projectIds(String contents) {
    List<String> names = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(contents)) {
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            if (depth == 2) {
              names.add(parser.currentName());
            }
          }
          case VALUE_STRING -> {
            if (depth == 2) {
              names.add(parser.getText());
            }
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("A stored ballot is not readable JSON (" + e.getMessage() + "): "
          + abbreviate(contents), e);
    }
    return names;
  }

  /** @return the ballots decoded so far, in the order given */
  List<Ballot> ballots() {
    return ballots;
  }

  /** @return per project (in the budget's order), the number of ballots naming it */
  long[] votes() {
    return votes;
  }

  /** @return per project, the points or scores given to it (0 for approval and ordinal ballots) */
  long[] points() {
    return points;
  }

  /** @return whether some ballot gave points or scores */
  boolean withPoints() {
    return withPoints;
  }

  /** @return how many mentions of projects outside the budget were left out */
  long ignoredMentions() {
    return ignoredMentions;
  }

  /** @return how many distinct ballots were seen */
  int distinctBallots() {
    return shared.size();
  }
}
