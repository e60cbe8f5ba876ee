package org.polity.jakarta.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * Turns the stored contents of counted ballots (format 1 of {@link
 * org.polity.jakarta.voting.StoredBallots}, written at cast time) into core {@link Ballot}s for one
 * budget's projects, fast enough for live results on hundreds of thousands of ballots:
 *
 * <ul>
 *   <li>a streaming parse (Jackson's {@link JsonParser}), no JSON tree;
 *   <li>project ids looked up once in the budget's index, never re-created;
 *   <li>identical small ballots (same kind, same projects and values, whatever their order in the
 *       JSON) share one {@link Ballot} instance, which core's counting then compiles once.
 * </ul>
 *
 * <p>A project a ballot names that is not one of the budget's projects is left out of that ballot
 * and counted in {@link #ignoredMentions()}; the ballot itself still counts. It tallies as it goes:
 * per project the ballots naming it ({@link #votes()}) and the points or scores given ({@link
 * #points()}). Not thread-safe: one decoder per count.
 */
final class BallotDecoder {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Ballots naming at most this many projects are shared when identical. Small ballots repeat often
   * (a few projects among dozens); large ones almost never do, and remembering them would only keep
   * their keys in memory.
   */
  static final int SHARED_UP_TO = 4;

  private final Map<String, Integer> index = new HashMap<>();
  private final ProjectId[] ids;

  /** The ids in UTF-8, for the scan of stored bytes. */
  private final byte[][] idBytes;

  private final long[] votes;
  private final long[] points;

  /** Open addressing over project ids: slot -> project index + 1 (0: empty). */
  private final int[] slots;

  private final Map<String, Ballot> shared = new HashMap<>();
  private final List<Ballot> ballots = new ArrayList<>();
  private long ignoredMentions;
  private boolean withPoints;
  private int[] indices = new int[16];
  private int[] values = new int[16];
  private char[] key = new char[64];

  /**
   * A decoder for a budget.
   *
   * @param projects the budget's projects
   */
  BallotDecoder(List<ProjectId> projects) {
    ids = projects.toArray(ProjectId[]::new);
    idBytes = new byte[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      idBytes[i] = ids[i].value().getBytes(StandardCharsets.UTF_8);
    }
    for (int i = 0; i < ids.length; i++) {
      index.put(ids[i].value(), i);
    }
    votes = new long[ids.length];
    points = new long[ids.length];
    slots = new int[Integer.highestOneBit(Math.max(4, ids.length * 4) - 1) << 1];
    for (int i = 0; i < ids.length; i++) {
      String id = ids[i].value();
      int slot = id.hashCode() & (slots.length - 1);
      while (slots[slot] != 0) {
        slot = (slot + 1) & (slots.length - 1);
      }
      slots[slot] = i + 1;
    }
  }

  /** The prefix of an approval ballot as {@code BallotJson} writes it. */
  private static final String APPROVAL = "{\"kind\":\"approval\",\"projects\":[";

  /**
   * The fast path for the common case, an approval ballot exactly as {@code BallotJson} writes it
   * ({@code {"kind":"approval","projects":["a","b"]}}, ids without escapes): a scan of the text
   * with no parser and no allocation. Anything else goes to the streaming parser.
   *
   * @return the number of projects kept, or -1 when the text is not in that exact form
   */
  private int scanApproval(String contents) {
    int end = contents.length() - 2; // before "]}"
    if (!contents.startsWith(APPROVAL) || !contents.endsWith("]}") || contents.indexOf('\\') >= 0) {
      return -1;
    }
    int at = APPROVAL.length();
    int size = 0;
    int ignored = 0;
    while (at < end) {
      if (contents.charAt(at) != '"') {
        return -1;
      }
      int close = contents.indexOf('"', at + 1);
      if (close < 0 || close >= end) {
        return -1;
      }
      int project = project(contents, at + 1, close);
      if (project < 0) {
        ignored++;
      } else {
        if (size == indices.length) {
          indices = Arrays.copyOf(indices, size * 2);
          values = Arrays.copyOf(values, size * 2);
        }
        indices[size++] = project;
      }
      at = close + 1;
      if (at < end && contents.charAt(at++) != ',') {
        return -1;
      }
    }
    // Only a text read to its end counts: a malformed one is left to the parser, untallied.
    for (int i = 0; i < size; i++) {
      votes[indices[i]]++;
    }
    ignoredMentions += ignored;
    return size;
  }

  private static final byte[] APPROVAL_BYTES = APPROVAL.getBytes(StandardCharsets.US_ASCII);

  /**
   * {@link #scanApproval(String)} on the stored text's UTF-8 bytes, as the database sends them (no
   * string made): only for ASCII text (any other byte: -1, so that the string path decides).
   *
   * @return the number of projects kept, or -1 when the bytes are not in that exact form
   */
  private int scanApproval(byte[] contents) {
    int length = contents.length;
    int end = length - 2; // before "]}"
    if (length < APPROVAL_BYTES.length + 2
        || contents[end] != ']'
        || contents[end + 1] != '}'
        || !Arrays.equals(
            contents, 0, APPROVAL_BYTES.length, APPROVAL_BYTES, 0, APPROVAL_BYTES.length)) {
      return -1;
    }
    for (byte b : contents) {
      if (b < 0 || b == '\\') {
        return -1; // non-ASCII or escaped: ids compare as strings
      }
    }
    int at = APPROVAL_BYTES.length;
    int size = 0;
    int ignored = 0;
    while (at < end) {
      if (contents[at] != '"') {
        return -1;
      }
      int close = at + 1;
      while (close < end && contents[close] != '"') {
        close++;
      }
      if (close >= end) {
        return -1;
      }
      int project = project(contents, at + 1, close);
      if (project < 0) {
        ignored++;
      } else {
        if (size == indices.length) {
          indices = Arrays.copyOf(indices, size * 2);
          values = Arrays.copyOf(values, size * 2);
        }
        indices[size++] = project;
      }
      at = close + 1;
      if (at < end && contents[at++] != ',') {
        return -1;
      }
    }
    for (int i = 0; i < size; i++) {
      votes[indices[i]]++;
    }
    ignoredMentions += ignored;
    return size;
  }

  /**
   * The index of the project whose id is the ASCII bytes between from and to, or -1 (an ASCII text
   * hashes as its string does).
   */
  private int project(byte[] text, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + text[i];
    }
    int length = to - from;
    for (int slot = hash & (slots.length - 1);
        slots[slot] != 0;
        slot = (slot + 1) & (slots.length - 1)) {
      byte[] id = idBytes[slots[slot] - 1];
      if (id.length == length && Arrays.equals(text, from, to, id, 0, length)) {
        return slots[slot] - 1;
      }
    }
    return -1;
  }

  /** The index of the project whose id is the text between from and to, or -1. */
  private int project(String text, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int length = to - from;
    for (int slot = hash & (slots.length - 1);
        slots[slot] != 0;
        slot = (slot + 1) & (slots.length - 1)) {
      String id = ids[slots[slot] - 1].value();
      if (id.length() == length && text.regionMatches(from, id, 0, length)) {
        return slots[slot] - 1;
      }
    }
    return -1;
  }

  /**
   * Decodes one stored ballot, given as the UTF-8 bytes of its JSON, and keeps it: what {@link
   * #add(String)} does with the same text, without making a string for the common approval ballot.
   *
   * @param contents the stored JSON in UTF-8
   * @throws IllegalStateException if the stored text is not a ballot (a corrupt row)
   */
  void add(byte[] contents) {
    int scanned = scanApproval(contents);
    if (scanned >= 0) {
      ballots.add(ballot("approval", scanned, null));
      return;
    }
    add(new String(contents, StandardCharsets.UTF_8));
  }

  /**
   * Decodes one stored ballot and keeps it.
   *
   * @param contents the stored JSON
   * @throws IllegalStateException if the stored text is not a ballot (a corrupt row)
   */
  void add(String contents) {
    int scanned = scanApproval(contents);
    if (scanned >= 0) {
      ballots.add(ballot("approval", scanned, contents));
      return;
    }
    String kind = null;
    int size = 0;
    try (JsonParser parser = JSON.createParser(contents)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw corrupt(contents);
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
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
      throw new IllegalStateException(
          "A stored ballot is not readable JSON (" + e.getMessage() + "): " + abbreviate(contents),
          e);
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
    return keepIndex(at, value, size);
  }

  private int keepIndex(int at, int value, int size) {
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
    if (size > SHARED_UP_TO) {
      return make(kind, size, contents, null);
    }
    boolean approval = kind.equals("approval");
    boolean withValues = !approval && !kind.equals("ordinal");
    if (approval) {
      Arrays.sort(indices, 0, size);
    }
    int length = 2 + (withValues ? 3 : 1) * size;
    if (key.length < length) {
      key = new char[Math.max(length, 2 * key.length)];
    }
    key[0] = kind.charAt(0);
    key[1] = kind.charAt(1);
    int at = 2;
    for (int i = 0; i < size; i++) {
      key[at++] = (char) indices[i];
      if (withValues) {
        key[at++] = (char) (values[i] >>> 16);
        key[at++] = (char) values[i];
      }
    }
    String canonical = new String(key, 0, at);
    Ballot known = shared.get(canonical);
    if (known != null) {
      return known;
    }
    return make(kind, size, contents, canonical);
  }

  private Ballot make(String kind, int size, String contents, String canonical) {
    if (kind.equals("approval") && canonical == null) {
      Arrays.sort(indices, 0, size);
    }
    Ballot made =
        switch (kind) {
          case "approval" -> new Ballot.Approval(new IndexSet(ids, indices, size));
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
    if (canonical != null) {
      shared.put(canonical, made);
    }
    return made;
  }

  /** The projects at the first indices, as a set view for core to copy (no set of our own). */
  private static final class IndexSet extends java.util.AbstractSet<ProjectId> {
    private final ProjectId[] ids;
    private final int[] indices;
    private final int size;

    IndexSet(ProjectId[] ids, int[] indices, int size) {
      this.ids = ids;
      this.indices = indices;
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public java.util.Iterator<ProjectId> iterator() {
      return new java.util.Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public ProjectId next() {
          if (next >= size) {
            throw new java.util.NoSuchElementException();
          }
          return ids[indices[next++]];
        }
      };
    }
  }

  private static IllegalStateException corrupt(String contents) {
    return new IllegalStateException(
        "A stored ballot is not a ballot of a known kind: " + abbreviate(contents));
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
          default -> {}
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "A stored ballot is not readable JSON (" + e.getMessage() + "): " + abbreviate(contents),
          e);
    }
    return names;
  }

  /**
   * @return the ballots decoded so far, in the order given
   */
  List<Ballot> ballots() {
    return ballots;
  }

  /**
   * @return per project (in the budget's order), the number of ballots naming it
   */
  long[] votes() {
    return votes;
  }

  /**
   * @return per project, the points or scores given to it (0 for approval and ordinal ballots)
   */
  long[] points() {
    return points;
  }

  /**
   * @return whether some ballot gave points or scores
   */
  boolean withPoints() {
    return withPoints;
  }

  /**
   * @return how many mentions of projects outside the budget were left out
   */
  long ignoredMentions() {
    return ignoredMentions;
  }

  /**
   * @return how many distinct ballots were seen
   */
  int distinctBallots() {
    return shared.size();
  }
}
