package org.polity.news;

import java.util.List;

/**
 * One page of an ordered list.
 *
 * @param items the items of the page
 * @param total how many items the whole list has
 * @param offset how many items precede the page
 * @param limit the most items a page holds
 * @param <T> the item type
 */
public record Page<T>(List<T> items, int total, int offset, int limit) {

  /** Copies the items; refuses a negative offset or a limit below one. */
  public Page {
    items = List.copyOf(items);
    if (offset < 0 || limit < 1 || total < 0) {
      throw new IllegalArgumentException(
          "A page needs an offset of 0 or more and a limit of 1 or more (offset "
              + offset
              + ", limit "
              + limit
              + ").");
    }
  }

  /**
   * The page of an ordered list.
   *
   * @param ordered the whole list, in order
   * @param offset how many to skip
   * @param limit the most to keep
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(List<T> ordered, int offset, int limit) {
    if (offset < 0 || limit < 1) {
      return new Page<>(List.of(), ordered.size(), offset, limit); // refused by the constructor
    }
    int from = Math.min(offset, ordered.size());
    int to = (int) Math.min((long) from + limit, ordered.size());
    return new Page<>(ordered.subList(from, to), ordered.size(), offset, limit);
  }
}
