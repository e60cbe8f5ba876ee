package org.polity.counting;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.common.ProjectId;

/**
 * How a rule chooses among equally good projects: it takes the first in this order. Always an
 * explicit option of a count, never a global.
 */
public sealed interface TieBreaking
    permits TieBreaking.ByIdCodePoints, TieBreaking.ByIdUtf16, TieBreaking.Listed {

  /**
   * The order: the project that compares lowest wins a tie.
   *
   * @return a total order on project ids
   */
  Comparator<ProjectId> order();

  /**
   * Project ids compared as strings by Unicode code points, as Python compares strings (pabutools'
   * {@code lexico_tie_breaking}; so {@code "10" < "9"}). The default.
   */
  record ByIdCodePoints() implements TieBreaking {
    @Override
    public Comparator<ProjectId> order() {
      return (a, b) -> compareCodePoints(a.value(), b.value());
    }
  }

  /**
   * Project ids compared by UTF-16 units ({@link String#compareTo}). It differs from code point
   * order only when an id holds characters beyond U+FFFF next to characters from U+E000 to U+FFFF.
   */
  record ByIdUtf16() implements TieBreaking {
    @Override
    public Comparator<ProjectId> order() {
      return Comparator.comparing(ProjectId::value);
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

    @Override
    public Comparator<ProjectId> order() {
      Map<ProjectId, Integer> rank = new HashMap<>();
      for (int i = 0; i < priority.size(); i++) {
        rank.putIfAbsent(priority.get(i), i);
      }
      Comparator<ProjectId> byRank =
          Comparator.comparingInt(id -> rank.getOrDefault(id, Integer.MAX_VALUE));
      return byRank.thenComparing(new ByIdCodePoints().order());
    }
  }

  /**
   * @return the default: ids by code points
   */
  static TieBreaking byId() {
    return new ByIdCodePoints();
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
