package org.polity.jakarta;

import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.polity.jakarta.problem.ProblemMappers;
import org.polity.jakarta.security.RoleMappingFilter;
import org.polity.jakarta.security.RolesAllowedFeature;

/**
 * The Jakarta REST application of Polity: the resources of every capability (each declares them in
 * its {@link org.polity.jakarta.spi.Capability} descriptor, collected by CDI at start-up: there is
 * no list of resources here) and the infrastructure's providers (problem-document mappers, role
 * mapping and authorisation).
 *
 * <p>A host portal mounts it by subclassing it with a path of its choice:
 *
 * <pre>{@code
 * @ApplicationPath("/polity")
 * public class PortalPolity extends PolityApplication {}
 * }</pre>
 *
 * <p>The class carries no {@code @ApplicationPath} itself, so that adding the adapter to a portal
 * never claims a path the portal already uses. The standalone server mounts it at the root.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Polity API",
            version = "1",
            description = "Citizen participation: participatory budgets, ballots and receipts."))
public class PolityApplication extends Application {

  /** Creates the application; the host's Jakarta REST runtime calls it. */
  public PolityApplication() {}

  /**
   * The resources of every capability of the running application, each a CDI bean (request-scoped,
   * except the hot path of a vote, application-scoped).
   *
   * @return the resource classes, in a stable order (by capability id, then class name)
   */
  public static Set<Class<?>> resourceClasses() {
    return Capabilities.current().resources();
  }

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(resourceClasses());
    classes.add(RoleMappingFilter.class);
    classes.add(RolesAllowedFeature.class);
    classes.add(org.polity.jakarta.http.RequestLimits.class);
    classes.add(org.polity.jakarta.http.SecurityHeaders.class);
    classes.add(org.polity.jakarta.http.RateLimits.class);
    classes.addAll(ProblemMappers.all());
    return classes;
  }
}
