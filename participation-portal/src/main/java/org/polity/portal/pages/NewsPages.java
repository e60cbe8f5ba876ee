package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.news.NewsService;
import org.polity.jakarta.news.Versioned;
import org.polity.jakarta.security.Caller;
import org.polity.news.Event;
import org.polity.news.NewsId;
import org.polity.news.NewsItem;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/** News and events as residents read them. */
@Path("news")
@RequestScoped
@Tag(name = "Portal")
public class NewsPages {

  @Inject Pages pages;
  @Inject NewsService news;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public NewsPages() {}

  /**
   * The news and the coming events.
   *
   * @param offset where the page of news starts
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "News and events (HTML)")
  public Response list(@QueryParam("offset") Integer offset) {
    Page page = pages.page(headers, uri, security);
    int from = offset == null || offset < 0 ? 0 : offset;
    var items = news.news(Caller.of(security), from, Optional.empty());
    List<NewsItem> shown = items.items().stream().map(Versioned::value).toList();
    List<Event> events =
        news.events(0, Optional.empty()).items().stream().map(Versioned::value).toList();
    return pages.ok(
        "news.jte",
        page,
        "news",
        shown,
        "events",
        events,
        "next",
        from + items.items().size() < items.total() ? from + items.items().size() : -1);
  }

  /**
   * One news item.
   *
   * @param id its id
   * @return the page, or 404
   */
  @GET
  @Path("{id}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A news item (HTML)")
  public Response item(@PathParam("id") String id) {
    Page page = pages.page(headers, uri, security);
    NewsId newsId;
    try {
      newsId = new NewsId(id);
    } catch (IllegalArgumentException e) {
      return pages.notFound(page, id);
    }
    var item = news.newsItem(Caller.of(security), newsId);
    if (item.refusal().isPresent()) {
      return pages.refused(page, item.refusal().get());
    }
    return pages.ok("news-item.jte", page, "item", item.orElseThrow().value());
  }
}
