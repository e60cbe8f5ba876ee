package org.polity.portal.pages;

import java.util.List;

/**
 * What the edition page shows.
 *
 * @param card the edition, its phase and calendar
 * @param themes the themes to filter by
 * @param districts the districts to filter by
 * @param statuses the statuses to filter by
 * @param filters the filters in effect
 * @param projects the projects of this page of the list
 * @param total how many projects match
 * @param offset where this page starts
 * @param limit how many a page holds
 * @param tiles the map tiles' address template, such as {@code
 *     https://tile.openstreetmap.org/{z}/{x}/{y}.png}
 */
public record EditionView(
    EditionCard card,
    List<Choice> themes,
    List<String> districts,
    List<Choice> statuses,
    Filters filters,
    List<ProjectCard> projects,
    int total,
    int offset,
    int limit,
    String tiles) {

  /**
   * A value to choose in a filter.
   *
   * @param value the value sent
   * @param label its name in the reader's language
   */
  public record Choice(String value, String label) {}

  /**
   * The filters in effect ("" for none).
   *
   * @param theme the theme
   * @param district the district
   * @param status the status
   * @param search the words searched
   */
  public record Filters(String theme, String district, String status, String search) {
    /**
     * The query string of these filters, for the links to the next page.
     *
     * @return such as {@code theme=greenery&q=park}
     */
    public String query() {
      StringBuilder q = new StringBuilder();
      append(q, "theme", theme);
      append(q, "district", district);
      append(q, "status", status);
      append(q, "q", search);
      return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
      if (!value.isEmpty()) {
        q.append(q.length() == 0 ? "" : "&")
            .append(name)
            .append('=')
            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  /**
   * Whether there is a next page.
   *
   * @return whether
   */
  public boolean hasNext() {
    return offset + limit < total;
  }

  /**
   * Whether there is a previous page.
   *
   * @return whether
   */
  public boolean hasPrevious() {
    return offset > 0;
  }
}
