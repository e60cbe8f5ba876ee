package org.polity.sortition;

import java.util.List;
import java.util.Objects;

/**
 * A panel: the ids of its members, sorted, without repetition.
 *
 * @param memberIds member ids in ascending string order
 */
public record Panel(List<String> memberIds) {

  /** Sorts and copies the ids; refuses repetitions. */
  public Panel {
    Objects.requireNonNull(memberIds, "memberIds");
    memberIds = memberIds.stream().sorted().toList();
    if (memberIds.stream().distinct().count() != memberIds.size()) {
      throw new IllegalArgumentException("A panel lists someone twice: " + memberIds);
    }
  }

  /**
   * @param id a respondent id
   * @return whether the respondent sits on this panel
   */
  public boolean contains(String id) {
    return java.util.Collections.binarySearch(memberIds, id) >= 0;
  }

  /**
   * @return the number of members
   */
  public int size() {
    return memberIds.size();
  }
}
