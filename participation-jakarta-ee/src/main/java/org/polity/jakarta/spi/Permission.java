package org.polity.jakarta.spi;

import java.util.Objects;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;

/**
 * An action of a capability that needs a permission, and the roles that may take it. The REST
 * resources enforce it with {@code @RolesAllowed} on the endpoints of the action; the
 * endpoint-by-role test checks that the two agree.
 *
 * @param action the action, such as {@code news.publish}
 * @param roles the roles that may take it
 * @param description what the action is, for the documentation
 */
public record Permission(String action, Set<PolityRole> roles, String description) {

  /** Checks the permission. */
  public Permission {
    Objects.requireNonNull(action, "action");
    roles = Set.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException(
          "Permission " + action + " names no role: give the roles that may take it.");
    }
    Objects.requireNonNull(description, "description");
  }
}
