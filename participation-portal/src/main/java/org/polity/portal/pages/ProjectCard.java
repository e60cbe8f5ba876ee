package org.polity.portal.pages;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.polity.portal.web.Page;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Theme;
import org.polity.project.Project;

/**
 * A project as the lists and the map show it.
 *
 * @param id the project id
 * @param title its title in the reader's language
 * @param cost its cost, formatted
 * @param themes its themes' names
 * @param district its district, or empty
 * @param status its status's name
 * @param latitude the latitude of its point (the centre of its area), or empty
 * @param longitude the longitude, or empty
 */
public record ProjectCard(
    String id,
    String title,
    String cost,
    List<String> themes,
    Optional<String> district,
    String status,
    Optional<String> latitude,
    Optional<String> longitude) {

  /**
   * The card of a project.
   *
   * @param project the project
   * @param process its process (for the themes' names)
   * @param page the page
   * @return the card
   */
  public static ProjectCard of(Project project, ParticipatoryProcess process, Page page) {
    Optional<Point> centre = project.proposal().location().map(l -> l.geometry().getCentroid());
    return new ProjectCard(
        project.id().value(),
        page.t(project.title()),
        page.money(project.cost()),
        project.themes().stream().map(t -> themeName(process, t, page)).toList(),
        project.district(),
        project.status().displayName(page.language()),
        centre.map(p -> String.valueOf(p.getY())),
        centre.map(p -> String.valueOf(p.getX())));
  }

  /**
   * A theme's name in the reader's language.
   *
   * @param process the process that declares the theme
   * @param id the theme's id
   * @param page the page
   * @return its name, or the id when the process no longer declares it
   */
  static String themeName(ParticipatoryProcess process, String id, Page page) {
    return process.themes().stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .map(Theme::name)
        .map(page::t)
        .orElse(id);
  }
}
