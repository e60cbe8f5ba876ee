package org.polity.counting;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.polity.common.ProjectId;

/**
 * Why a project was funded or not, in words a citizen can follow: "not funded: with 2,310 votes it
 * came after project 17, and only 12,400 EUR remained for its 40,000 EUR cost".
 *
 * @param project the project
 * @param funded whether it is among the winners
 * @param reasons the sentences, in order
 */
public record Explanation(ProjectId project, boolean funded, List<Reason> reasons) {

  /** Copies the reasons; at least one. */
  public Explanation {
    Objects.requireNonNull(project, "project");
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException(
          "The explanation of project " + project + " has no reason: give one.");
    }
  }

  /**
   * The explanation in a language.
   *
   * @param locale fr, nl or en
   * @return the sentences joined by spaces
   */
  public String text(Locale locale) {
    return reasons.stream().map(r -> r.text(locale)).collect(Collectors.joining(" "));
  }
}
