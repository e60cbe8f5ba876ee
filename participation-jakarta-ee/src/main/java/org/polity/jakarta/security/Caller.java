package org.polity.jakarta.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls a use case: the signed-in principal (none for an anonymous reader) and their Polity
 * roles. Application services take a {@code Caller} instead of a JAX-RS {@code SecurityContext}, so
 * that a REST resource, a portal page and a host portal's own code call them the same way; the
 * services check the permissions themselves.
 *
 * @param principal the signed-in user, or empty
 * @param roles the Polity roles ({@link PolityRole#ANONYMOUS} always among them)
 */
public record Caller(Optional<Principal> principal, Set<PolityRole> roles) {

  /** Checks the caller. */
  public Caller {
    Objects.requireNonNull(principal, "principal");
    EnumSet<PolityRole> all = EnumSet.of(PolityRole.ANONYMOUS);
    all.addAll(roles);
    roles = Set.copyOf(all);
  }

  /**
   * An anonymous reader.
   *
   * @return the caller
   */
  public static Caller anonymous() {
    return new Caller(Optional.empty(), Set.of());
  }

  /**
   * A signed-in user with roles.
   *
   * @param principal the user
   * @param roles the roles
   * @return the caller
   */
  public static Caller of(Principal principal, Set<PolityRole> roles) {
    return new Caller(Optional.of(principal), roles);
  }

  /**
   * The caller of a JAX-RS request: its principal and the roles that {@link RoleMappingFilter}
   * granted.
   *
   * @param security the request's security context
   * @return the caller
   */
  public static Caller of(jakarta.ws.rs.core.SecurityContext security) {
    if (security == null || security.getUserPrincipal() == null) {
      return anonymous();
    }
    EnumSet<PolityRole> roles = EnumSet.of(PolityRole.ANONYMOUS);
    if (security instanceof PolitySecurityContext polity) {
      roles.addAll(polity.roles());
    } else {
      for (PolityRole role : PolityRole.values()) {
        if (security.isUserInRole(role.roleName())) {
          roles.add(role);
        }
      }
    }
    return of(security.getUserPrincipal(), roles);
  }

  /**
   * Whether the caller has one of these roles.
   *
   * @param wanted the roles
   * @return whether
   */
  public boolean hasAny(PolityRole... wanted) {
    for (PolityRole role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The signed-in user's name (the sign-in subject), for the audit.
   *
   * @return the name, or empty for an anonymous reader
   */
  public Optional<String> name() {
    return principal.map(Principal::getName);
  }
}
