package org.polity.jakarta.standalone;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.security.PolityRole;

/**
 * {@code /health}: MicroProfile Health's report of every check (database included), by SmallRye
 * Health. Administrators get the whole report; anyone else only {@code {"status": "UP"}} or {@code
 * "DOWN"}, so that the database's product and version are not told to the world.
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
   * @param security the caller: administrators see every check and its data
   * @return the MicroProfile Health JSON
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "Health of the service and its database")
  public Response health(@Context SecurityContext security) {
    SmallRyeHealth health = reporter.getHealth();
    String body;
    if (security != null && security.isUserInRole(PolityRole.Names.ADMINISTRATOR)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reporter.reportHealth(out, health);
      body = out.toString(StandardCharsets.UTF_8);
    } else {
      body = "{\"status\":\"" + (health.isDown() ? "DOWN" : "UP") + "\"}";
    }
    return Response.status(health.isDown() ? 503 : 200)
        .type(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .entity(body)
        .build();
  }
}
