package org.polity.jakarta.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.polity.jakarta.config.PolitySettings;

/**
 * Replaces the request's security context by a {@link PolitySecurityContext}, so that everything
 * after it (authorisation, resources) speaks in Polity's roles. Runs after the host's
 * authentication and before authorisation.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 500)
public class RoleMappingFilter implements ContainerRequestFilter {

  @Inject PolitySettings settings;

  /** Creates the filter; CDI calls it. */
  public RoleMappingFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext() instanceof PolitySecurityContext) {
      return;
    }
    request.setSecurityContext(
        new PolitySecurityContext(request.getSecurityContext(), settings.roleMapping()));
  }
}
