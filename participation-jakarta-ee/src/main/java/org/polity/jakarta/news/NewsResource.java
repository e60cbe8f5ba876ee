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
import org.polity.news.NewsId;
import org.polity.news.NewsItem;

/**
 * News items under {@code /api/v1/news}: anyone reads them (newest first, paged); staff, moderators
 * and administrators publish ({@code news.publish}), edit (with {@code If-Match}: 428 without it,
 * 412 when someone changed the item since) and withdraw them. Each method makes one call to {@link
 * NewsService}.
 */
@Path("api/v1/news")
@RequestScoped
@Tag(name = "News and events")
public class NewsResource {

  /** The form of a news or event id in a path. */
  static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

  /** What an id must be. */
  static final String ID_MESSAGE = "{polity.news-id}";

  @Inject NewsService news;

  /** Creates the resource; CDI calls it. */
  public NewsResource() {}

  /**
   * The news items, newest first.
   *
   * @param limit at most this many (1-100; default {@code polity.news.page-size})
   * @param offset skip this many
   * @param security the caller (publishers also see items scheduled for later)
   * @return {@code {"total": n, "offset": ..., "limit": ..., "news": [...]}}
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The news, newest first (paged)")
  public JsonObject list(
      @QueryParam("limit") @Min(1) @Max(NewsCapability.MAX_PAGE_SIZE) Integer limit,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
      @Context SecurityContext security) {
    return NewsJson.page(
        news.news(Caller.of(security), offset, Optional.ofNullable(limit)), "news", NewsJson::json);
  }

  /**
   * One news item, with its ETag.
   *
   * @param newsId the item
   * @param security the caller
   * @return the item; 404 when there is none (or it was withdrawn)
   */
  @GET
  @Path("{newsId}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "One news item")
  public Response read(
      @PathParam("newsId") @Pattern(regexp = ID, message = ID_MESSAGE) String newsId,
      @Context SecurityContext security) {
    return ok(news.newsItem(Caller.of(security), NewsId.of(newsId)).orElseThrow());
  }

  /**
   * Publishes a news item.
   *
   * @param body {@code {"title": {...}, "text": {...}, "publishedAt"?: ..., "process"?: ...}}
   * @param security the publisher
   * @param uri the request's address, for {@code Location}
   * @return 201 with the item and its ETag; 400 naming every bad member
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Publish a news item (staff)")
  public Response publish(
      JsonObject body, @Context SecurityContext security, @Context UriInfo uri) {
    Versioned<NewsItem> item =
        news.publish(Caller.of(security), NewsJson.newsDraft(body)).orElseThrow();
    return Response.created(uri.getAbsolutePathBuilder().path(item.value().id().value()).build())
        .tag(ETags.of(item.version()))
        .entity(NewsJson.json(item))
        .build();
  }

  /**
   * Edits a news item.
   *
   * @param newsId the item
   * @param ifMatch the ETag read
   * @param body the new content, as for publishing (without publishedAt, the time is kept)
   * @param security the publisher
   * @return the item with its new ETag
   */
  @PUT
  @Path("{newsId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Edit a news item (staff; If-Match)")
  public Response edit(
      @PathParam("newsId") @Pattern(regexp = ID, message = ID_MESSAGE) String newsId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    long version = ETags.ifMatch(ifMatch, "news item");
    NewsDraft draft = NewsJson.newsDraft(body);
    return ok(news.edit(Caller.of(security), NewsId.of(newsId), version, draft).orElseThrow());
  }

  /**
   * Withdraws a news item: readers no longer see it.
   *
   * @param newsId the item
   * @param security the publisher
   * @return 204; 404 when there is none
   */
  @DELETE
  @Path("{newsId}")
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Withdraw a news item (staff)")
  public Response withdraw(
      @PathParam("newsId") @Pattern(regexp = ID, message = ID_MESSAGE) String newsId,
      @Context SecurityContext security) {
    news.withdraw(Caller.of(security), NewsId.of(newsId)).orElseThrow();
    return Response.noContent().build();
  }

  private static Response ok(Versioned<NewsItem> item) {
    return Response.ok(NewsJson.json(item)).tag(ETags.of(item.version())).build();
  }
}
