package org.polity.jakarta.spi;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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

  /**
   * A permission.
   *
   * @param action the action, such as {@code news.publish}
   * @param description what the action is
   * @param roles the roles that may take it
   * @return the permission
   */
  public static Permission of(String action, String description, PolityRole... roles) {
    return new Permission(action, Set.of(roles), description);
  }

  /**
   * The roles' names, as {@code @RolesAllowed} writes them.
   *
   * @return the names, such as {@code staff}
   */
  public Set<String> roleNames() {
    return roles.stream().map(PolityRole::roleName).collect(Collectors.toUnmodifiableSet());
  }
}
