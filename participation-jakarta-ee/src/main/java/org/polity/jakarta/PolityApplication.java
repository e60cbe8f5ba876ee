package org.polity.jakarta;

import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.polity.jakarta.administration.AdministrationResource;
import org.polity.jakarta.identity.CurrentUserResource;
import org.polity.jakarta.problem.ProblemMappers;
import org.polity.jakarta.process.ProcessResource;
import org.polity.jakarta.project.ProjectResource;
import org.polity.jakarta.results.ResultsResource;
import org.polity.jakarta.security.RoleMappingFilter;
import org.polity.jakarta.security.RolesAllowedFeature;
import org.polity.jakarta.voting.BallotResource;
import org.polity.jakarta.voting.PaperBallotResource;
import org.polity.jakarta.voting.VoteResource;

/**
 * The Jakarta REST application of Polity: every resource under {@code /api/v1} and every provider
 * (problem-document mappers, role mapping and authorisation).
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
   * The resources under {@code /api/v1}: each is a CDI bean, request-scoped except {@link
   * BallotResource} (application-scoped: the hot path of a vote).
   *
   * @return the resource classes, in a stable order
   */
  public static Set<Class<?>> resourceClasses() {
    return new LinkedHashSet<>(
        Set.of(
            ProcessResource.class,
            ProjectResource.class,
            BallotResource.class,
            VoteResource.class,
            ResultsResource.class,
            PaperBallotResource.class,
            CurrentUserResource.class,
            AdministrationResource.class,
            org.polity.jakarta.cartography.InitiativeResource.class,
            org.polity.jakarta.cartography.OgcApiResource.class,
            org.polity.jakarta.cartography.OgcAssetsResource.class));
  }

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(resourceClasses());
    classes.add(RoleMappingFilter.class);
    classes.add(RolesAllowedFeature.class);
    classes.addAll(ProblemMappers.all());
    return classes;
  }
}
