package org.polity.portal.pages;

import java.util.List;
import java.util.Optional;
import org.polity.jakarta.project.ProjectService;
import org.polity.portal.web.Page;
import org.polity.process.ParticipatoryProcess;
import org.polity.project.Project;

/**
 * What a project's page shows.
 *
 * @param card the project as in the lists
 * @param description its description in the reader's language
 * @param reviewAnswer the feasibility review's public answer, or empty before the review
 * @param failedCriteria the review's criteria the project did not meet, named
 * @param timeline every public status change, oldest first
 * @param fate what became of it now, in words
 * @param progress the implementation's progress in percent, or empty
 * @param milestones the implementation's milestones
 */
public record ProjectView(
    ProjectCard card,
    String description,
    Optional<String> reviewAnswer,
    List<String> failedCriteria,
    List<Step> timeline,
    Optional<String> fate,
    Optional<Integer> progress,
    List<Step> milestones) {

  /**
   * One step of the follow-up.
   *
   * @param when the day, formatted
   * @param what what happened
   * @param why the reason given, or ""
   */
  public record Step(String when, String what, String why) {}

  /**
   * The view of a project.
   *
   * @param project the project
   * @param process its process
   * @param history what happened to it, when the service could tell
   * @param page the page
   * @return the view
   */
  public static ProjectView of(
      Project project,
      ParticipatoryProcess process,
      Optional<ProjectService.History> history,
      Page page) {
    List<Step> timeline =
        project.history().stream()
            .map(
                change ->
                    new Step(
                        page.date(change.at()),
                        change.to().displayName(page.language()),
                        page.t(change.why())))
            .toList();
    return new ProjectView(
        ProjectCard.of(project, process, page),
        page.t(project.proposal().description()),
        project.review().map(r -> page.t(r.publicAnswer())).filter(s -> !s.isBlank()),
        project.review().map(r -> r.failedCriteria()).orElse(List.of()).stream()
            .map(c -> c.displayName(page.language()))
            .toList(),
        timeline,
        history.map(h -> page.t(h.fate().explanation())).filter(s -> !s.isBlank()),
        project.progress().map(p -> p.percent()),
        project.progress().map(p -> p.milestones()).orElse(List.of()).stream()
            .map(
                m ->
                    new Step(
                        page.date(m.date()),
                        page.t(m.label()),
                        m.reached() ? page.t("project.reached") : page.t("project.planned")))
            .toList());
  }
}
