package org.polity.jakarta.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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

/**
 * The current user as Polity sees them: signed in or not, and their Polity roles ({@link
 * CurrentUserService}).
 */
@Path("api/v1/me")
@RequestScoped
@Tag(name = "Users")
public class CurrentUserResource {

  @Inject CurrentUserService users;

  /** Creates the resource; CDI calls it. */
  public CurrentUserResource() {}

  /**
   * The current user's Polity roles (after role mapping).
   *
   * @param security the caller
   * @return {@code {"signedIn": bool, "roles": [...]}}
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "My roles")
  public JsonObject me(@Context SecurityContext security) {
    CurrentUserService.CurrentUser me = users.me(Caller.of(security));
    JsonArrayBuilder roles = Jsonp.JSON.createArrayBuilder();
    me.roles().forEach(role -> roles.add(role.roleName()));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("signedIn", me.signedIn())
        .add("roles", roles)
        .build();
  }
}
