package org.polity.jakarta.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The portal's security context seen through the role mapping: {@link #isUserInRole(String)}
 * answers for Polity's role names, and {@link #roles()} lists the Polity roles of the user.
 */
public final class PolitySecurityContext implements SecurityContext {

  private final SecurityContext portal;
  private final Set<PolityRole> roles;

  /**
   * Maps a portal security context.
   *
   * @param portal the context set by the host (or the development filter)
   * @param mapping for each mapped Polity role, the portal roles that grant it ({@code *}: any
   *     signed-in user)
   */
  public PolitySecurityContext(SecurityContext portal, Map<PolityRole, Set<String>> mapping) {
    this.portal = portal;
    EnumSet<PolityRole> granted = EnumSet.of(PolityRole.ANONYMOUS);
    Principal principal = portal == null ? null : portal.getUserPrincipal();
    if (principal != null) {
      mapping.forEach(
          (role, portalRoles) -> {
            for (String portalRole : portalRoles) {
              if (portalRole.equals("*") || portal.isUserInRole(portalRole)) {
                granted.add(role);
                break;
              }
            }
          });
      if (granted.contains(PolityRole.REVIEWER) || granted.contains(PolityRole.ENCODER)) {
        granted.add(PolityRole.STAFF);
      }
    }
    this.roles = Collections.unmodifiableSet(granted);
  }

  /**
   * The Polity roles of the current user; always contains {@link PolityRole#ANONYMOUS}.
   *
   * @return the roles
   */
  public Set<PolityRole> roles() {
    return roles;
  }

  @Override
  public Principal getUserPrincipal() {
    return portal == null ? null : portal.getUserPrincipal();
  }

  @Override
  public boolean isUserInRole(String role) {
    for (PolityRole r : roles) {
      if (r.roleName().equals(role)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isSecure() {
    return portal != null && portal.isSecure();
  }

  @Override
  public String getAuthenticationScheme() {
    return portal == null ? null : portal.getAuthenticationScheme();
  }
}
