package org.polity.portal.account;

import java.util.Optional;
import org.polity.portal.pages.ProjectView;

/**
 * One of the signed-in resident's ideas as "my ideas" shows it.
 *
 * @param process the process id
 * @param project the project id
 * @param edition the edition's title in the reader's language
 * @param submittedOn the day it was submitted, formatted
 * @param view what the project's page shows (status, the review's public answer, the fate), or
 *     empty when the edition or the project no longer exists
 */
public record MyIdea(
    String process,
    String project,
    String edition,
    String submittedOn,
    Optional<ProjectView> view) {

  /**
   * The address of the project's page, with its follow-up.
   *
   * @return the path
   */
  public String href() {
    return "/editions/" + process + "/projects/" + project;
  }
}
