package org.polity.portal.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeId;
import org.polity.common.LocalizedText;
import org.polity.jakarta.cartography.Initiatives;
import org.polity.jakarta.security.Caller;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * The moderation queue of the map of participatory initiatives: moderators read each proposed
 * initiative (or proposed edit) and publish or reject it with a public reason, through the map's
 * service, which checks the role and the version read.
 */
@Path("staff/moderation")
@RequestScoped
@Tag(name = "Portal")
public class ModerationPages {

  @Inject Pages pages;
  @Inject Initiatives initiatives;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public ModerationPages() {}

  /**
   * An initiative waiting for a moderator.
   *
   * @param id its id
   * @param title its title
   * @param description its description
   * @param organiser who runs it
   * @param edit whether it is an edit of a published initiative
   * @param version the version read
   */
  public record Waiting(
      String id, String title, String description, String organiser, boolean edit, long version) {}

  /**
   * The queue.
   *
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The moderation queue of the map (HTML)")
  public Response queue() {
    return show(List.of(), Optional.empty(), 200);
  }

  /**
   * Publishes or rejects an initiative.
   *
   * @param id the initiative
   * @param version the version read
   * @param decision {@code publish} or {@code reject}
   * @param reason the public reason of a rejection
   * @return the queue again
   */
  @POST
  @Path("{id}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Publishes or rejects an initiative (HTML form)")
  public Response decide(
      @PathParam("id") String id,
      @FormParam("version") Long version,
      @FormParam("decision") String decision,
      @FormParam("reason") String reason) {
    Page page = pages.page(headers, uri, security);
    InitiativeId initiative;
    try {
      initiative = InitiativeId.of(id);
    } catch (IllegalArgumentException e) {
      return show(List.of(page.t("refused.not-found", id)), Optional.empty(), 404);
    }
    Caller caller = Caller.of(security);
    var decided =
        "publish".equals(decision)
            ? initiatives.publish(initiative, caller, version)
            : initiatives.reject(
                initiative,
                caller,
                LocalizedText.of(
                    page.lang(),
                    reason == null || reason.isBlank()
                        ? page.t("moderation.default-reason")
                        : reason.strip()),
                version);
    if (decided.refusal().isPresent()) {
      return show(
          List.of(decided.refusal().get().detail(page.language())),
          Optional.empty(),
          decided.refusal().get().kind().status());
    }
    return show(
        List.of(),
        Optional.of(
            page.t("publish".equals(decision) ? "moderation.published" : "moderation.rejected")),
        200);
  }

  private Response show(List<String> errors, Optional<String> done, int status) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    var pending = initiatives.pending(Caller.of(security));
    if (pending.refusal().isPresent()) {
      return pages.refused(page, pending.refusal().get());
    }
    List<Waiting> waiting =
        pending.orElseThrow().stream()
            .map(
                (Initiative i) -> {
                  var details = i.pendingEdit().orElse(i.details());
                  return new Waiting(
                      i.id().value(),
                      page.t(details.title()),
                      details.optionalDescription().map(page::t).orElse(""),
                      details.organiser(),
                      i.isPublished(),
                      initiatives.get(i.id()).map(Initiatives.Versioned::version).orElse(0L));
                })
            .toList();
    return pages.status(
        status, "staff/moderation.jte", page, "waiting", waiting, "errors", errors, "done", done);
  }
}
