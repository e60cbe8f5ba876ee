package org.polity.jakarta.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on Polity's resources,
 * against the mapped roles. It follows the rules of Jersey's {@code RolesAllowedDynamicFeature}
 * (method annotation first, then class), but is written against the Jakarta REST API only, so it
 * works the same on any runtime, and it refuses an endpoint that declares nothing: every endpoint
 * must say who may call it.
 *
 * <p>Refusals: an anonymous caller gets 401, a signed-in caller without the role gets 403.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

  /** Creates the feature; the Jakarta REST runtime calls it. */
  public RolesAllowedFeature() {}

  /**
   * The roles allowed to call a resource method.
   *
   * @param resourceClass the resource class
   * @param method the resource method
   * @return empty when the method (or class) declares nothing; a set with only {@link
   *     PolityRole#ANONYMOUS} for {@code @PermitAll}; an empty set for {@code @DenyAll}
   */
  public static Optional<Set<String>> declaredRoles(Class<?> resourceClass, Method method) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return Optional.of(Set.of());
    }
    if (method.isAnnotationPresent(RolesAllowed.class)) {
      return Optional.of(Set.of(method.getAnnotation(RolesAllowed.class).value()));
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return Optional.of(Set.of(PolityRole.Names.ANONYMOUS));
    }
    if (resourceClass.isAnnotationPresent(DenyAll.class)) {
      return Optional.of(Set.of());
    }
    if (resourceClass.isAnnotationPresent(RolesAllowed.class)) {
      return Optional.of(Set.of(resourceClass.getAnnotation(RolesAllowed.class).value()));
    }
    if (resourceClass.isAnnotationPresent(PermitAll.class)) {
      return Optional.of(Set.of(PolityRole.Names.ANONYMOUS));
    }
    return Optional.empty();
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    Class<?> resourceClass = resourceInfo.getResourceClass();
    if (resourceClass == null || !resourceClass.getPackageName().startsWith("org.polity.")) {
      return;
    }
    Set<String> roles =
        declaredRoles(resourceClass, resourceInfo.getResourceMethod()).orElse(Set.of());
    if (!roles.contains(PolityRole.Names.ANONYMOUS)) {
      context.register(new Check(roles), Priorities.AUTHORIZATION);
    }
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class Check implements ContainerRequestFilter {
    private final Set<String> roles;

    Check(Set<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      for (String role : roles) {
        if (security.isUserInRole(role)) {
          return;
        }
      }
      if (security.getUserPrincipal() == null) {
        throw new NotAuthorizedException("Sign in to do this.", "Bearer");
      }
      throw new ForbiddenException("Your roles do not allow this.");
    }
  }
}
