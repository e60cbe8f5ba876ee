package org.polity.jakarta.administration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;

/** Administration: the effective settings, without any secret ({@link AdministrationService}). */
@Path("api/v1/admin")
@RequestScoped
@Tag(name = "Administration")
public class AdministrationResource {

  @Inject AdministrationService administration;

  /** Creates the resource; CDI calls it. */
  public AdministrationResource() {}

  /**
   * The effective, non-secret settings.
   *
   * @param security the caller, an administrator
   * @return mode, participant-key version, database location kind and the role mapping
   */
  @GET
  @Path("settings")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Effective settings (administrators)")
  public JsonObject settings(@Context SecurityContext security) {
    AdministrationService.EffectiveSettings settings =
        administration.settings(Caller.of(security)).orElseThrow();
    JsonObjectBuilder roles = Jsonp.JSON.createObjectBuilder();
    settings
        .roles()
        .forEach((role, names) -> roles.add(role, Jsonp.JSON.createArrayBuilder(names)));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("mode", settings.mode())
        .add("participantKeyVersion", settings.participantKeyVersion())
        .add("database", settings.database())
        .add("roles", roles)
        .build();
  }
}
