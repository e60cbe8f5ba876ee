package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.security.Caller;
import org.polity.news.NewsItem;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/** The portal's front page: the current editions with their phase and calendar, and the news. */
@Path("")
@RequestScoped
@Tag(name = "Portal")
public class HomePage {

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject NewsService news;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the page; CDI calls it. */
  public HomePage() {}

  /**
   * The front page.
   *
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The portal's front page (HTML)")
  public Response home() {
    Page page = pages.page(headers, uri, security);
    List<EditionCard> editions =
        processes.list().stream().map(loaded -> EditionCard.of(loaded, page)).toList();
    List<NewsItem> latest =
        news.news(Caller.of(security), 0, Optional.of(3)).items().stream()
            .map(v -> v.value())
            .toList();
    return pages.ok("home.jte", page, "editions", editions, "news", latest);
  }

  /**
   * The map of the region's participatory initiatives: the OGC API's HTML pages (which GIS tools
   * read too).
   *
   * @return a redirection
   */
  @GET
  @Path("map")
  @PermitAll
  @Operation(summary = "The map of participatory initiatives (redirects to /ogc)")
  public Response map() {
    return pages.seeOther("/ogc/collections/initiatives/items?f=html");
  }
}
