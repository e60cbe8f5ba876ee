package org.polity.jakarta.standalone;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DEVELOPMENT ONLY, NEVER IN PRODUCTION: trusts the caller's word about who they are. A request
 * carrying {@value #USER_HEADER} (a user name) and optionally {@value #ROLES_HEADER}
 * (comma-separated portal role names) is treated as signed in with those roles. Anyone can send
 * these headers, so the standalone server registers this filter only when {@code
 * polity.mode=development}; in a portal, the portal's own authentication sets the security context
 * instead. The principal also carries evidence for eligibility rules read from more headers (birth
 * date, address, verification level; see {@link DevelopmentPrincipal}), as a portal's identity
 * provider would attest it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class DevelopmentAuthenticationFilter implements ContainerRequestFilter {

  /** The header naming the user. */
  public static final String USER_HEADER = "X-Polity-Dev-User";

  /** The header listing the user's portal roles. */
  public static final String ROLES_HEADER = "X-Polity-Dev-Roles";

  /** Creates the filter. */
  public DevelopmentAuthenticationFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    String user = request.getHeaderString(USER_HEADER);
    if (user == null || user.isBlank()) {
      return;
    }
    String rolesHeader = request.getHeaderString(ROLES_HEADER);
    Set<String> roles =
        rolesHeader == null
            ? Set.of()
            : Arrays.stream(rolesHeader.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    boolean secure =
        request.getSecurityContext() != null && request.getSecurityContext().isSecure();
    Principal principal = DevelopmentPrincipal.from(user.trim(), request);
    request.setSecurityContext(new SignedIn(principal, roles, secure, "POLITY-DEVELOPMENT"));
  }
}
