package org.polity.jakarta.cartography;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeId;
import org.polity.cartography.InitiativeQuery;
import org.polity.cartography.Nearby;
import org.polity.common.LocalizedText;
import org.polity.geo.GeoPoint;
import org.polity.jakarta.http.ETags;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;

/**
 * Proposing, editing and moderating initiatives, their history, and the nearest-initiative search.
 * A participant proposes (the initiative waits for moderation) and edits its own initiatives; a
 * moderator lists what waits, publishes or rejects with a reason, and may edit any initiative.
 * Edits need {@code If-Match} with the initiative's ETag (428 without, 412 when stale). Published
 * initiatives appear in the OGC API collection {@code initiatives}; an organiser's edit of a
 * published initiative waits for moderation while the map keeps the published version. Each method
 * calls one use case of {@link Initiatives}, which checks the caller's permission.
 */
@Path("api/v1/initiatives")
@RequestScoped
@Tag(name = "Map: initiatives")
public class InitiativeResource {

  /** The most initiatives {@code nearest} returns. */
  public static final int MAX_NEAREST = 100;

  @Inject Initiatives initiatives;
  @Inject MapLayers map;
  @Context UriInfo uri;

  /** Creates the resource; CDI calls it. */
  public InitiativeResource() {}

  /**
   * Proposes an initiative (see {@link InitiativeJson} for the body).
   *
   * @param security the caller, who becomes its organiser
   * @param body the initiative
   * @return 201 with the pending initiative and its ETag; 400 naming the bad fields
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Propose an initiative for the map (participants)")
  @APIResponse(responseCode = "201", description = "Proposed; waits for moderation")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  public Response propose(@Context SecurityContext security, JsonObject body) {
    Initiatives.Versioned stored =
        initiatives.propose(Caller.of(security), InitiativeJson.details(body)).orElseThrow();
    return Response.status(201)
        .tag(tag(stored))
        .entity(InitiativeJson.toJson(stored.initiative()))
        .build();
  }

  /**
   * The initiatives waiting for moderation (pending ones and published ones with a waiting edit),
   * oldest change first.
   *
   * @param security the moderator
   * @return {@code {"initiatives": [...]}}
   */
  @GET
  @Path("pending")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.MODERATOR)
  @Operation(summary = "Initiatives and edits waiting for moderation (moderators)")
  @APIResponse(responseCode = "200", description = "The pending initiatives")
  public JsonObject pending(@Context SecurityContext security) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    initiatives
        .pending(Caller.of(security))
        .orElseThrow()
        .forEach(i -> list.add(InitiativeJson.toJson(i)));
    return Jsonp.JSON.createObjectBuilder().add("initiatives", list).build();
  }

  /**
   * One initiative with its ETag. A published one is public; one that is pending or rejected is
   * shown only to its organiser and to moderators (404 to others). The waiting edit and the
   * accounts in the history are shown to its organiser and to moderators only.
   *
   * @param security the caller
   * @param id the initiative
   * @return the initiative
   */
  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "One initiative, with its ETag")
  @APIResponse(responseCode = "200", description = "The initiative")
  @APIResponse(responseCode = "404", description = "No such initiative, or not public")
  public Response get(@Context SecurityContext security, @PathParam("id") String id) {
    Initiatives.Seen seen = initiatives.visible(id(id), Caller.of(security)).orElseThrow();
    return Response.ok(InitiativeJson.toJson(seen.stored().initiative(), seen.privileged()))
        .tag(tag(seen.stored()))
        .build();
  }

  /**
   * The history of an initiative, oldest first: proposal, edits (with the parts changed and why),
   * moderation decisions (with the public reason of a rejection). Visible as {@link #get} is.
   *
   * @param security the caller
   * @param id the initiative
   * @return {@code {"id": ..., "status": ..., "history": [{"at", "role", "actor", "action",
   *     "changed", "why"}]}}
   */
  @GET
  @Path("{id}/history")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "History of an initiative: who, when, what changed, why")
  @APIResponse(responseCode = "200", description = "The history, oldest first")
  @APIResponse(responseCode = "404", description = "No such initiative, or not public")
  public Response history(@Context SecurityContext security, @PathParam("id") String id) {
    Initiatives.Seen seen = initiatives.visible(id(id), Caller.of(security)).orElseThrow();
    Initiative initiative = seen.stored().initiative();
    JsonObject body =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", initiative.id().value())
            .add("status", initiative.moderation().code())
            .add("editPending", initiative.pendingEdit().isPresent())
            .add("history", InitiativeJson.history(initiative, seen.privileged()))
            .build();
    return Response.ok(body).tag(tag(seen.stored())).build();
  }

  /**
   * Edits an initiative: {@code {"why": "...", "initiative": {...the proposal form...}}} with
   * {@code If-Match}. Its organiser may edit it (a pending or rejected initiative is resubmitted; a
   * published one keeps its published version on the map and the edit waits for moderation); a
   * moderator may edit any (applied at once).
   *
   * @param security the caller
   * @param id the initiative
   * @param ifMatch the ETag read
   * @param body the reason and the new details
   * @return the initiative with its new ETag; 400 bad input; 409 not yours or nothing changed; 412
   *     stale ETag; 428 without If-Match
   */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.PARTICIPANT, PolityRole.Names.MODERATOR})
  @Operation(summary = "Edit an initiative (its organiser, or moderators; If-Match)")
  @APIResponse(
      responseCode = "200",
      description = "Edited (an organiser's edit of a published initiative waits for moderation)")
  @APIResponse(responseCode = "400", description = "A field is missing or malformed")
  @APIResponse(responseCode = "404", description = "No such initiative")
  @APIResponse(
      responseCode = "409",
      description = "Not the caller's initiative, or nothing changed")
  @APIResponse(responseCode = "412", description = "The initiative changed since it was read")
  @APIResponse(responseCode = "428", description = "If-Match is missing")
  public Response edit(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body) {
    InitiativeId initiative = id(id);
    long version = ETags.ifMatch(ifMatch, "initiative");
    InitiativeJson.Edit edit = InitiativeJson.edit(body);
    Initiatives.Versioned stored =
        initiatives
            .edit(initiative, Caller.of(security), edit.details(), edit.why(), version)
            .orElseThrow();
    return Response.ok(InitiativeJson.toJson(stored.initiative())).tag(tag(stored)).build();
  }

  /**
   * Publishes a pending initiative, or accepts the waiting edit of a published one. {@code
   * If-Match} is optional: when sent, a stale ETag answers 412.
   *
   * @param security the moderator
   * @param id the initiative
   * @param ifMatch the ETag read, or none
   * @return 200 with the initiative; 404 if unknown; 409 if nothing waits for moderation
   */
  @POST
  @Path("{id}/publication")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.MODERATOR)
  @Operation(summary = "Publish a pending initiative or accept its waiting edit (moderators)")
  @APIResponse(responseCode = "200", description = "Published")
  @APIResponse(responseCode = "404", description = "No such initiative")
  @APIResponse(responseCode = "409", description = "Nothing waits for moderation")
  @APIResponse(responseCode = "412", description = "The initiative changed since it was read")
  public Response publish(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    Initiatives.Versioned stored =
        initiatives
            .publish(
                id(id), Caller.of(security), OgcParameters.optionalIfMatch(ifMatch, "initiative"))
            .orElseThrow();
    return Response.ok(InitiativeJson.toJson(stored.initiative())).tag(tag(stored)).build();
  }

  /**
   * Rejects a pending initiative, or the waiting edit of a published one (which stays published as
   * it was), with a reason: {@code {"reason": {"fr": "...", "en": "..."}}}.
   *
   * @param security the moderator
   * @param id the initiative
   * @param ifMatch the ETag read, or none
   * @param body the reason
   * @return 200 with the initiative; 400 without a reason; 404 if unknown; 409 if nothing waits
   */
  @POST
  @Path("{id}/rejection")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.MODERATOR)
  @Operation(
      summary = "Reject a pending initiative or its waiting edit, with a reason (moderators)")
  @APIResponse(responseCode = "200", description = "Rejected")
  @APIResponse(responseCode = "400", description = "The reason is missing")
  @APIResponse(responseCode = "404", description = "No such initiative")
  @APIResponse(responseCode = "409", description = "Nothing waits for moderation")
  @APIResponse(responseCode = "412", description = "The initiative changed since it was read")
  public Response reject(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body) {
    LocalizedText reason = InitiativeJson.reason(body);
    Initiatives.Versioned stored =
        initiatives
            .reject(
                id(id),
                Caller.of(security),
                reason,
                OgcParameters.optionalIfMatch(ifMatch, "initiative"))
            .orElseThrow();
    return Response.ok(InitiativeJson.toJson(stored.initiative())).tag(tag(stored)).build();
  }

  /**
   * The published initiatives nearest to a point, closest first, with their distance in metres:
   * {@code ?point=lon,lat&limit=5} plus the filters of the OGC items endpoint ({@code kind}, {@code
   * theme}, {@code scale}, {@code within}, {@code datetime}).
   *
   * @param point {@code lon,lat}
   * @param limit how many (default 10, clamped to {@value #MAX_NEAREST})
   * @param kind kind codes
   * @param theme theme codes
   * @param scale scale codes
   * @param within a district id
   * @param datetime a date, instant or interval
   * @return {@code {"initiatives": [{"id", "title", "metres", "feature"}]}}
   */
  @GET
  @Path("nearest")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "Published initiatives nearest to a point, with filters")
  @APIResponse(responseCode = "200", description = "The nearest initiatives, closest first")
  @APIResponse(responseCode = "400", description = "An unknown or malformed query parameter")
  public JsonObject nearest(
      @QueryParam("point") String point,
      @QueryParam("limit") String limit,
      @QueryParam("kind") String kind,
      @QueryParam("theme") String theme,
      @QueryParam("scale") String scale,
      @QueryParam("within") String within,
      @QueryParam("datetime") String datetime) {
    Set<String> known = Set.of("point", "limit", "kind", "theme", "scale", "within", "datetime");
    GeoPoint origin =
        OgcParameters.point(point, OgcParameters.unknown(uri.getQueryParameters().keySet(), known));
    int count = Math.min(OgcParameters.limit(limit, 10), MAX_NEAREST);
    OgcParameters.Interval interval = OgcParameters.datetime(datetime);
    InitiativeQuery query =
        InitiativeFilters.query(
            null, interval.from(), interval.to(), kind, theme, scale, within, map);
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    for (Nearby nearby : initiatives.nearest(origin, count, query)) {
      list.add(nearby(nearby));
    }
    return Jsonp.JSON.createObjectBuilder().add("initiatives", list).build();
  }

  private JsonObject nearby(Nearby nearby) {
    String id = nearby.initiative().id().value();
    return Jsonp.JSON
        .createObjectBuilder()
        .add("id", id)
        .add("title", InitiativeJson.text(nearby.initiative().details().title()))
        .add("metres", Math.round(nearby.metres() * 10) / 10.0)
        .add(
            "feature",
            uri.getBaseUri().resolve("ogc/collections/initiatives/items/" + id).toString())
        .build();
  }

  private static EntityTag tag(Initiatives.Versioned stored) {
    return ETags.of(stored.version());
  }

  private static InitiativeId id(String id) {
    try {
      return InitiativeId.of(id);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("id", e.getMessage());
    }
  }
}
