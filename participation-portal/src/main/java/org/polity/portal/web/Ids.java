package org.polity.portal.web;

import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;

/**
 * The ids in a page's address or form, read once: a malformed one is no such page (404), never an
 * exception.
 */
public final class Ids {

  private Ids() {}

  /**
   * A process id.
   *
   * @param value as sent
   * @return the id, or empty when malformed
   */
  public static Optional<ProcessId> process(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(ProcessId.of(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A project id.
   *
   * @param value as sent
   * @return the id, or empty when malformed
   */
  public static Optional<ProjectId> project(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(ProjectId.of(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A budget id.
   *
   * @param value as sent
   * @return the id, or empty when malformed
   */
  public static Optional<BudgetId> budget(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(BudgetId.of(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
