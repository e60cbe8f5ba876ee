package org.polity.project;

import java.util.List;

/**
 * One page of the projects a {@link ProjectQuery} matched.
 *
 * @param projects the projects on the page, in the query's order
 * @param total how many projects matched, on every page
 * @param offset how many matching projects come before this page
 * @param limit the most projects a page holds
 */
public record ProjectPage(List<Project> projects, int total, int offset, int limit) {

  /** Copies the list and checks the numbers. */
  public ProjectPage {
    projects = List.copyOf(projects);
    if (total < projects.size() || offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "A page of "
              + projects.size()
              + " projects cannot have total "
              + total
              + ", offset "
              + offset
              + " and limit "
              + limit
              + ": the total counts every match, offset is 0 or more, limit 1 or more.");
    }
  }
}
