package org.polity.jakarta.standalone;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The security context that the standalone server's sign-in filters set once they know who the
 * caller is: the person, the portal-side roles they hold (mapped to Polity's roles afterwards by
 * {@link org.polity.jakarta.security.RoleMappingFilter}), and how they signed in.
 *
 * @param principal the signed-in person
 * @param roles the roles from the identity provider (or the development headers)
 * @param secure whether the request came over HTTPS
 * @param scheme the authentication scheme, e.g. {@code Bearer}
 */
public record SignedIn(Principal principal, Set<String> roles, boolean secure, String scheme)
    implements SecurityContext {

  /** Checks and copies. */
  public SignedIn {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(scheme, "scheme");
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
    return scheme;
  }
}
