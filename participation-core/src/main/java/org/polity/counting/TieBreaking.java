package org.polity.counting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.ProjectId;

/**
 * How a rule chooses among equally good projects: it takes the first in this order. Always an
 * explicit option of a count, never a global. Every tie the order decided is named in the result
 * ({@link CountingResult#ties()}) and in the explanations of the projects concerned.
 *
 * <p>A budget chooses its rule by name ({@link #named}): {@code project-id} (the default, as
 * pabutools), {@code project-order} (the order the projects are given in), {@code fewer-cost} (the
 * cheaper project first) or {@code lottery} with a published seed (an order anyone can recompute:
 * SHA-256 of the seed followed by the project id).
 */
public sealed interface TieBreaking
    permits TieBreaking.ByIdCodePoints,
        TieBreaking.ByIdUtf16,
        TieBreaking.Listed,
        TieBreaking.ProjectOrder,
        TieBreaking.FewerCostFirst,
        TieBreaking.Lottery {

  /** The names {@link #named} accepts, the default first. */
  List<String> NAMES = List.of("project-id", "project-order", "fewer-cost", "lottery");

  /**
   * The order on the projects of an election: the project that compares lowest wins a tie. A total
   * order (ids break what the rule's own key leaves equal).
   *
   * @param election the election whose projects are ordered (their costs and their order)
   * @return a total order on its projects
   */
  Comparator<ElectionProject> order(Election election);

  /**
   * @return the rule's name: {@code project-id}, {@code project-id-utf16}, {@code listed}, {@code
   *     project-order}, {@code fewer-cost} or {@code lottery}
   */
  String name();

  /**
   * @return the published seed of a lottery; empty for the other rules
   */
  default Optional<String> publishedSeed() {
    return Optional.empty();
  }

  /**
   * Project ids compared as strings by Unicode code points, as Python compares strings (pabutools'
   * {@code lexico_tie_breaking}; so {@code "10" < "9"}). The default.
   */
  record ByIdCodePoints() implements TieBreaking {
    /**
     * @return the order on project ids
     */
    public Comparator<ProjectId> order() {
      return (a, b) -> compareCodePoints(a.value(), b.value());
    }

    @Override
    public Comparator<ElectionProject> order(Election election) {
      return Comparator.comparing(ElectionProject::id, order());
    }

    @Override
    public String name() {
      return "project-id";
    }
  }

  /**
   * Project ids compared by UTF-16 units ({@link String#compareTo}). It differs from code point
   * order only when an id holds characters beyond U+FFFF next to characters from U+E000 to U+FFFF.
   */
  record ByIdUtf16() implements TieBreaking {
    /**
     * @return the order on project ids
     */
    public Comparator<ProjectId> order() {
      return Comparator.comparing(ProjectId::value);
    }

    @Override
    public Comparator<ElectionProject> order(Election election) {
      return Comparator.comparing(ElectionProject::id, order());
    }

    @Override
    public String name() {
      return "project-id-utf16";
    }
  }

  /**
   * A given priority list (e.g. drawn by lot in public before the count); projects not listed come
   * after, by code point order.
   *
   * @param priority the projects, highest priority first
   */
  record Listed(List<ProjectId> priority) implements TieBreaking {
    /** Copies the list. */
    public Listed {
      priority = List.copyOf(priority);
    }

    /**
     * @return the order on project ids
     */
    public Comparator<ProjectId> order() {
      Map<ProjectId, Integer> rank = new HashMap<>();
      for (int i = 0; i < priority.size(); i++) {
        rank.putIfAbsent(priority.get(i), i);
      }
      Comparator<ProjectId> byRank =
          Comparator.comparingInt(id -> rank.getOrDefault(id, Integer.MAX_VALUE));
      return byRank.thenComparing(new ByIdCodePoints().order());
    }

    @Override
    public Comparator<ElectionProject> order(Election election) {
      return Comparator.comparing(ElectionProject::id, order());
    }

    @Override
    public String name() {
      return "listed";
    }
  }

  /**
   * The order the election lists its projects in (a Pabulib file's PROJECTS section; over REST, the
   * order of the edition's projects, i.e. of their submission): the project listed first wins.
   */
  record ProjectOrder() implements TieBreaking {
    @Override
    public Comparator<ElectionProject> order(Election election) {
      Map<ProjectId, Integer> position = new HashMap<>();
      List<ElectionProject> projects = election.projects();
      for (int i = 0; i < projects.size(); i++) {
        position.put(projects.get(i).id(), i);
      }
      Comparator<ElectionProject> byPosition =
          Comparator.comparingInt(p -> position.getOrDefault(p.id(), Integer.MAX_VALUE));
      return byPosition.thenComparing(ElectionProject::id, new ByIdCodePoints().order());
    }

    @Override
    public String name() {
      return "project-order";
    }
  }

  /**
   * The cheaper project first ("more projects for the money"); projects of equal cost by project id
   * (code points).
   */
  record FewerCostFirst() implements TieBreaking {
    @Override
    public Comparator<ElectionProject> order(Election election) {
      return Comparator.comparing(ElectionProject::cost)
          .thenComparing(ElectionProject::id, new ByIdCodePoints().order());
    }

    @Override
    public String name() {
      return "fewer-cost";
    }
  }

  /**
   * A public lottery with a seed published before the count (e.g. the numbers drawn in public, or a
   * lottery's official result): projects are ordered by the SHA-256 digest of the UTF-8 bytes of
   * the seed followed by those of the project id, lowest digest first (as hexadecimal text). Anyone
   * can recompute it: {@code printf '%s%s' "$SEED" "$ID" | sha256sum}. The order is fixed by the
   * seed, so it cannot be steered once the seed is published.
   *
   * @param seed the published seed, not blank
   */
  record Lottery(String seed) implements TieBreaking {
    /** Refuses a blank seed. */
    public Lottery {
      Objects.requireNonNull(seed, "seed");
      if (seed.isBlank()) {
        throw new IllegalArgumentException(
            "The lottery seed '"
                + seed
                + "' is blank: give the seed published before the count, e.g. the numbers drawn"
                + " in public.");
      }
    }

    /**
     * The digest that places a project in the lottery's order.
     *
     * @param project a project
     * @return SHA-256(seed || id) in lower-case hexadecimal
     */
    public String digest(ProjectId project) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(seed.getBytes(StandardCharsets.UTF_8));
        sha.update(project.value().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("This JVM has no SHA-256, which every JVM must have.", e);
      }
    }

    @Override
    public Comparator<ElectionProject> order(Election election) {
      Map<ProjectId, String> digests = new HashMap<>();
      for (ElectionProject project : election.projects()) {
        digests.put(project.id(), digest(project.id()));
      }
      Comparator<ElectionProject> byDigest =
          Comparator.comparing(p -> digests.computeIfAbsent(p.id(), this::digest));
      return byDigest.thenComparing(ElectionProject::id, new ByIdCodePoints().order());
    }

    @Override
    public String name() {
      return "lottery";
    }

    @Override
    public Optional<String> publishedSeed() {
      return Optional.of(seed);
    }
  }

  /**
   * @return the default: ids by code points
   */
  static ByIdCodePoints byId() {
    return new ByIdCodePoints();
  }

  /**
   * The rule a budget names, as a process definition or {@code polity tally} gives it.
   *
   * @param name {@code project-id}, {@code project-id-utf16}, {@code project-order}, {@code
   *     fewer-cost} or {@code lottery}
   * @param seed the published seed: required for {@code lottery}, refused for the others
   * @return the rule
   * @throws IllegalArgumentException for an unknown name, a lottery without seed or a seed given to
   *     another rule (the message names the value and the accepted names)
   */
  static TieBreaking named(String name, Optional<String> seed) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(seed, "seed");
    if (!NAMES.contains(name) && !name.equals("project-id-utf16")) {
      throw new IllegalArgumentException(
          "There is no tie-breaking rule '" + name + "': use one of " + NAMES + ".");
    }
    if (!name.equals("lottery") && seed.isPresent()) {
      throw new IllegalArgumentException(
          "The tie-breaking rule '"
              + name
              + "' takes no seed: a seed is for the rule lottery only.");
    }
    return switch (name) {
      case "project-id" -> byId();
      case "project-id-utf16" -> new ByIdUtf16();
      case "project-order" -> new ProjectOrder();
      case "fewer-cost" -> new FewerCostFirst();
      case "lottery" ->
          new Lottery(
              seed.orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "The tie-breaking rule lottery needs the seed published before the"
                              + " count: give it.")));
      default ->
          throw new IllegalArgumentException(
              "There is no tie-breaking rule '" + name + "': use one of " + NAMES + ".");
    };
  }

  /**
   * Compares two strings by Unicode code points.
   *
   * @param a a string
   * @param b another string
   * @return negative, zero or positive
   */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
