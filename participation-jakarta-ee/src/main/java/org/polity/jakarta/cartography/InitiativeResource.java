package org.polity.jakarta.cartography;

import org.polity.jakarta.Jsonp;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeId;
import org.polity.common.LocalizedText;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.RefusalException;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.Outcome;
import org.polity.process.Refusal;

/**
 * Proposing and moderating initiatives: a participant proposes (the initiative waits for
 * moderation), a moderator lists what waits, publishes or rejects with a reason. Published
 * initiatives appear in the OGC API collection {@code initiatives}.
 */
@Path("api/v1/initiatives")
@RequestScoped
@Tag(name = "Map: initiatives")
public class InitiativeResource {

  @Inject MapLayers map;

  /** Creates the resource; CDI calls it. */
  public InitiativeResource() {}

  /**
   * Proposes an initiative (see {@link InitiativeJson} for the body).
   *
   * @param security the caller, who becomes its organiser
   * @param body the initiative
   * @return 201 with the pending initiative; 400 naming the bad fields
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Propose an initiative for the map (participants)")
  @APIResponse(responseCode = "201", description = "Proposed; waits for moderation")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  public Response propose(@Context SecurityContext security, JsonObject body) {
    Initiative initiative = map.registry().propose(security.getUserPrincipal().getName(),
        InitiativeJson.details(body));
    return Response.status(201).entity(InitiativeJson.toJson(initiative)).build();
  }

  /**
   * The initiatives waiting for moderation, oldest first.
   *
   * @return {@code {"initiatives": [...]}}
   */
  @GET
  @Path("pending")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.MODERATOR)
  @Operation(summary = "Initiatives waiting for moderation (moderators)")
  @APIResponse(responseCode = "200", description = "The pending initiatives")
  public JsonObject pending() {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    map.registry().pending().forEach(i -> list.add(InitiativeJson.toJson(i)));
    return Jsonp.JSON.createObjectBuilder().add("initiatives", list).build();
  }

  /**
   * Publishes a pending initiative.
   *
   * @param security the moderator
   * @param id the initiative
   * @return 200 with the initiative; 404 if unknown; 409 if not pending
   */
  @POST
  @Path("{id}/publication")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.MODERATOR)
  @Operation(summary = "Publish a pending initiative (moderators)")
  @APIResponse(responseCode = "200", description = "Published")
  @APIResponse(responseCode = "404", description = "No such initiative")
  @APIResponse(responseCode = "409", description = "The initiative is not pending")
  public JsonObject publish(@Context SecurityContext security, @PathParam("id") String id) {
    return answer(map.registry().publish(id(id), security.getUserPrincipal().getName()));
  }

  /**
   * Rejects a pending initiative with a reason: {@code {"reason": {"fr": "...", "en": "..."}}}.
   *
   * @param security the moderator
   * @param id the initiative
   * @param body the reason
   * @return 200 with the initiative; 400 without a reason; 404 if unknown; 409 if not pending
   */
  @POST
  @Path("{id}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.MODERATOR)
  @Operation(summary = "Reject a pending initiative with a reason (moderators)")
  @APIResponse(responseCode = "200", description = "Rejected")
  @APIResponse(responseCode = "400", description = "The reason is missing")
  @APIResponse(responseCode = "404", description = "No such initiative")
  @APIResponse(responseCode = "409", description = "The initiative is not pending")
  public JsonObject reject(@Context SecurityContext security, @PathParam("id") String id, JsonObject body) {
    LocalizedText reason;
    try {
      JsonObject texts = body == null ? JsonValue.EMPTY_JSON_OBJECT : body.getJsonObject("reason");
      Map<String, String> map = new LinkedHashMap<>();
      texts.forEach((language, text) -> map.put(language, ((JsonString) text).getString()));
      reason = new LocalizedText(map);
    } catch (RuntimeException e) {
      throw InvalidInputException.of("reason", "give the reason for the organiser, such as"
          + " {\"reason\": {\"fr\": \"...\", \"en\": \"...\"}}.");
    }
    return answer(map.registry().reject(id(id), security.getUserPrincipal().getName(), reason));
  }

  private static InitiativeId id(String id) {
    try {
      return InitiativeId.of(id);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("id", e.getMessage());
    }
  }

  private static JsonObject answer(Outcome<Initiative> outcome) {
    if (outcome instanceof Outcome.Done<Initiative> done) {
      return InitiativeJson.toJson(done.value());
    }
    Refusal refusal = outcome.refusal().orElseThrow();
    if (refusal.code().equals("initiative.not-found")) {
      throw new NotFoundException(refusal.message(java.util.Locale.ENGLISH));
    }
    throw new RefusalException(refusal.code().replace('.', '-'), 409,
        refusal.message(java.util.Locale.ENGLISH));
  }
}
