package org.polity.jakarta.project;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;

/**
 * The descriptor of projects: {@code /api/v1/processes/{id}/projects} (submit, encode on paper,
 * review, merge, status, progress, results, CSV summary). Its table comes with the processes'
 * (migration V2, in {@code process}).
 */
@ApplicationScoped
public class ProjectCapability implements Capability {

  /** Creates the descriptor; CDI calls it. */
  public ProjectCapability() {}

  @Override
  public String id() {
    return "project";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(ProjectResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "project.submit", "Submit a project idea to a process.", PolityRole.PARTICIPANT),
        Permission.of(
            "project.encode-paper",
            "Encode a project submitted on paper, on a resident's behalf.",
            PolityRole.ENCODER),
        Permission.of(
            "project.review", "Record a project's feasibility review.", PolityRole.REVIEWER),
        Permission.of(
            "project.decide",
            "Move a project's status, merge projects, report a project's progress.",
            PolityRole.REVIEWER,
            PolityRole.ADMINISTRATOR),
        Permission.of(
            "project.publish-results",
            "Publish the results of a process's vote on its projects.",
            PolityRole.ADMINISTRATOR),
        Permission.of(
            "project.export",
            "Download the CSV summary of a process's projects.",
            PolityRole.STAFF,
            PolityRole.MODERATOR,
            PolityRole.ADMINISTRATOR));
  }
}
