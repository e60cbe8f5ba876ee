package org.polity.portal.account;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The security context of a page request signed in with a portal session: the account's principal
 * and its Polity role names (mapped to Polity's roles afterwards by the adapter's {@code
 * RoleMappingFilter}).
 *
 * @param principal the account's principal
 * @param roles the Polity role names the account holds
 * @param secure whether the request came over HTTPS
 */
public record AccountSecurityContext(AccountPrincipal principal, Set<String> roles, boolean secure)
    implements SecurityContext {

  /** The authentication scheme reported. */
  public static final String SCHEME = "POLITY-SESSION";

  /** Checks and copies. */
  public AccountSecurityContext {
    Objects.requireNonNull(principal, "principal");
    roles = Set.copyOf(roles);
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String role) {
    return roles.contains(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return SCHEME;
  }
}
