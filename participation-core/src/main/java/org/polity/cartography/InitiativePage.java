package org.polity.cartography;

import java.util.List;

/**
 * One page of a query's results, in identifier order, and how many initiatives matched in all.
 *
 * @param items the initiatives on this page
 * @param numberMatched how many matched the query, on every page
 * @param offset the position of the first item among all matches
 */
public record InitiativePage(List<Initiative> items, int numberMatched, int offset) {

  /** Copies the items. */
  public InitiativePage {
    items = List.copyOf(items);
  }

  /**
   * @return whether more matches follow this page
   */
  public boolean hasNext() {
    return offset + items.size() < numberMatched;
  }
}
