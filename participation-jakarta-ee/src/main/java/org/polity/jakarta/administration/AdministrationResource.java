package org.polity.jakarta.administration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.security.PolityRole;

/** Administration: the effective settings, without any secret. */
@Path("api/v1/admin")
@RequestScoped
@Tag(name = "Administration")
public class AdministrationResource {

  @Inject PolitySettings settings;

  /** Creates the resource; CDI calls it. */
  public AdministrationResource() {}

  /**
   * The effective, non-secret settings.
   *
   * @return mode, participant-key version, database location kind and the role mapping
   */
  @GET
  @Path("settings")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Effective settings (administrators)")
  public JsonObject settings() {
    JsonObjectBuilder roles = Jsonp.JSON.createObjectBuilder();
    settings
        .roleMapping()
        .forEach(
            (role, names) ->
                roles.add(
                    role.roleName(),
                    Jsonp.JSON.createArrayBuilder(names.stream().sorted().toList())));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("mode", settings.mode().name().toLowerCase(java.util.Locale.ROOT))
        .add("participantKeyVersion", settings.participantKeyer().currentVersion())
        .add("database", settings.database().jndiName().isPresent() ? "jndi" : "jdbc-url")
        .add("roles", roles)
        .build();
  }
}
