package org.polity.portal.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.security.Caller;

/**
 * Which ideas a portal account submitted ({@code polity_idea_author}), so that the resident finds
 * them again on "my ideas": a pseudonymous link from the idea's ids to the account's random id,
 * nothing else. The portal's idea form writes it after the project service accepted the idea; the
 * account's deletion removes it ({@link AccountService#delete}).
 */
@ApplicationScoped
public class IdeaAuthors {

  @Inject PolityDatabase database;
  @Inject Clock clock;

  /** Creates the links; CDI calls it. */
  public IdeaAuthors() {}

  /**
   * An idea linked to the account that submitted it.
   *
   * @param process its process
   * @param project its project
   * @param submittedAt when it was submitted through the portal
   */
  public record Link(ProcessId process, ProjectId project, Instant submittedAt) {
    /** Refuses nulls. */
    public Link {
      Objects.requireNonNull(process, "process");
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(submittedAt, "submittedAt");
    }
  }

  /**
   * Links a newly submitted idea to the caller's account; does nothing when the caller did not sign
   * in with a portal account (a host portal's sign-in, the development headers), or when the idea
   * is linked already.
   *
   * @param caller who submitted it
   * @param process the process
   * @param project the project the idea became
   * @return whether a link was written
   */
  public boolean submitted(Caller caller, ProcessId process, ProjectId project) {
    if (caller.principal().isEmpty()
        || !(caller.principal().get() instanceof AccountPrincipal principal)) {
      return false;
    }
    Instant now = clock.instant();
    try {
      return database.inJdbcTransaction(
          connection -> {
            try (PreparedStatement exists =
                connection.prepareStatement(
                    "SELECT 1 FROM polity_idea_author WHERE process_id = ? AND project_id = ?")) {
              exists.setString(1, process.value());
              exists.setString(2, project.value());
              try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                  return false;
                }
              }
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO polity_idea_author"
                        + " (process_id, project_id, account_id, submitted_at) VALUES (?, ?, ?, ?)")) {
              insert.setString(1, process.value());
              insert.setString(2, project.value());
              insert.setString(3, principal.accountId());
              insert.setObject(4, now.atOffset(ZoneOffset.UTC));
              insert.executeUpdate();
              return true;
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The link of idea " + project.value() + " to its author could not be stored.", e);
    }
  }

  /**
   * The ideas an account submitted through the portal, newest first.
   *
   * @param accountId the account
   * @return the links
   */
  public List<Link> of(String accountId) {
    try {
      return database.inJdbcTransaction(
          connection -> {
            List<Link> links = new ArrayList<>();
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT process_id, project_id, submitted_at FROM polity_idea_author"
                        + " WHERE account_id = ? ORDER BY submitted_at DESC, project_id")) {
              select.setString(1, accountId);
              try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                  links.add(
                      new Link(
                          ProcessId.of(row.getString(1)),
                          ProjectId.of(row.getString(2)),
                          row.getObject(3, OffsetDateTime.class).toInstant()));
                }
              }
            }
            return links;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The ideas of account " + accountId + " could not be read.", e);
    }
  }
}
