package org.polity.jakarta.news;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.http.ETags;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.news.Event;
import org.polity.news.NewsId;

/**
 * Events under {@code /api/v1/events}: anyone reads them (upcoming first, paged); staff, moderators
 * and administrators announce ({@code news.publish}), edit (with {@code If-Match}: 428 without it,
 * 412 when someone changed the event since) and withdraw them. Each method makes one call to {@link
 * NewsService}.
 */
@Path("api/v1/events")
@RequestScoped
@Tag(name = "News and events")
public class EventResource {

  @Inject NewsService news;

  /** Creates the resource; CDI calls it. */
  public EventResource() {}

  /**
   * The events: those to come or going on first (soonest first), then past ones (latest first).
   *
   * @param limit at most this many (1-100; default {@code polity.news.page-size})
   * @param offset skip this many
   * @param security the caller
   * @return {@code {"total": n, "offset": ..., "limit": ..., "events": [...]}}
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The events, upcoming first (paged)")
  public JsonObject list(
      @QueryParam("limit") @Min(1) @Max(NewsCapability.MAX_PAGE_SIZE) Integer limit,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
      @Context SecurityContext security) {
    return NewsJson.page(
        news.events(offset, Optional.ofNullable(limit)), "events", NewsJson::eventJson);
  }

  /**
   * One event, with its ETag.
   *
   * @param eventId the event
   * @param security the caller
   * @return the event; 404 when there is none (or it was withdrawn)
   */
  @GET
  @Path("{eventId}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "One event")
  public Response read(
      @PathParam("eventId") @Pattern(regexp = NewsResource.ID, message = NewsResource.ID_MESSAGE)
          String eventId,
      @Context SecurityContext security) {
    return ok(news.event(NewsId.of(eventId)).orElseThrow());
  }

  /**
   * Announces an event.
   *
   * @param body {@code {"title": {...}, "description": {...}, "startsAt": ..., "endsAt": ...,
   *     "place": {...}, "process"?: ...}}
   * @param security the publisher
   * @param uri the request's address, for {@code Location}
   * @return 201 with the event and its ETag; 400 naming every bad member
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Announce an event (staff)")
  public Response publish(
      JsonObject body, @Context SecurityContext security, @Context UriInfo uri) {
    Versioned<Event> item =
        news.announce(Caller.of(security), NewsJson.eventDraft(body)).orElseThrow();
    return Response.created(uri.getAbsolutePathBuilder().path(item.value().id().value()).build())
        .tag(ETags.of(item.version()))
        .entity(NewsJson.eventJson(item))
        .build();
  }

  /**
   * Edits an event.
   *
   * @param eventId the event
   * @param ifMatch the ETag read
   * @param body the new content, as for announcing
   * @param security the publisher
   * @return the event with its new ETag
   */
  @PUT
  @Path("{eventId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Edit an event (staff; If-Match)")
  public Response edit(
      @PathParam("eventId") @Pattern(regexp = NewsResource.ID, message = NewsResource.ID_MESSAGE)
          String eventId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    long version = ETags.ifMatch(ifMatch, "event");
    EventDraft draft = NewsJson.eventDraft(body);
    return ok(
        news.editEvent(Caller.of(security), NewsId.of(eventId), version, draft).orElseThrow());
  }

  /**
   * Withdraws an event: readers no longer see it.
   *
   * @param eventId the event
   * @param security the publisher
   * @return 204; 404 when there is none
   */
  @DELETE
  @Path("{eventId}")
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Withdraw an event (staff)")
  public Response withdraw(
      @PathParam("eventId") @Pattern(regexp = NewsResource.ID, message = NewsResource.ID_MESSAGE)
          String eventId,
      @Context SecurityContext security) {
    news.withdrawEvent(Caller.of(security), NewsId.of(eventId)).orElseThrow();
    return Response.noContent().build();
  }

  private static Response ok(Versioned<Event> item) {
    return Response.ok(NewsJson.eventJson(item)).tag(ETags.of(item.version())).build();
  }
}
