package org.polity.jakarta.standalone;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /health}: MicroProfile Health's report of every check (database included), by SmallRye
 * Health.
 */
@Path("health")
@RequestScoped
@Tag(name = "Operations")
public class HealthResource {

  @Inject SmallRyeHealthReporter reporter;

  /** Creates the resource; CDI calls it. */
  public HealthResource() {}

  /**
   * The health report: 200 when every check is up, 503 otherwise.
   *
   * @return the MicroProfile Health JSON
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "Health of the service and its database")
  public Response health() {
    SmallRyeHealth health = reporter.getHealth();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.reportHealth(out, health);
    return Response.status(health.isDown() ? 503 : 200)
        .type(MediaType.APPLICATION_JSON)
        .entity(out.toString(StandardCharsets.UTF_8))
        .build();
  }
}
