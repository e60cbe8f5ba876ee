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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.PortalCapability;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.process.ParticipatoryProcess;
import org.polity.project.Project;
import org.polity.project.ProjectQuery;
import org.polity.project.ProjectStatus;

/**
 * An edition's pages for residents: its projects as a list and on a map, with filters by theme,
 * district and status and a search, and each project's page with its public follow-up.
 */
@Path("editions/{process}")
@RequestScoped
@Tag(name = "Portal")
public class EditionPages {

  /** The statuses a resident sees in the list: everything but ideas not yet reviewed. */
  static final EnumSet<ProjectStatus> PUBLIC =
      EnumSet.complementOf(EnumSet.of(ProjectStatus.MERGED));

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject ProjectService projects;
  @Inject org.polity.jakarta.assembly.PoolService pools;
  @Inject Config config;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public EditionPages() {}

  /**
   * The edition with its projects.
   *
   * @param process the process id
   * @param theme a theme to keep, or none
   * @param district a district to keep, or none
   * @param status a status to keep, or none
   * @param search words to look for in titles and descriptions, or none
   * @param offset where the page of projects starts
   * @return the page, or 404
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "An edition's page: its projects as a list and a map (HTML)")
  public Response edition(
      @PathParam("process") String process,
      @QueryParam("theme") String theme,
      @QueryParam("district") String district,
      @QueryParam("status") String status,
      @QueryParam("q") String search,
      @QueryParam("offset") Integer offset) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.edition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    Processes.Loaded edition = found.edition();
    boolean pool = pools.declaration(found.id()).refusal().isEmpty();
    if (edition.projects().isEmpty() && pool) {
      // an assembly has no projects to list: its page is the call for volunteers
      return pages.seeOther("/editions/" + found.id().value() + "/pool");
    }
    ParticipatoryProcess definition = edition.process();
    ProjectQuery.Builder query =
        ProjectQuery.builder()
            .language(page.language())
            .offset(offset == null || offset < 0 ? 0 : offset)
            .limit(ProjectQuery.DEFAULT_LIMIT);
    Optional<ProjectStatus> wanted = status(status);
    if (wanted.isPresent()) {
      query.status(wanted.get());
    } else {
      query.statuses(PUBLIC);
    }
    blankToEmpty(theme).ifPresent(query::theme);
    blankToEmpty(district).ifPresent(query::district);
    blankToEmpty(search).ifPresent(query::search);
    var listing = projects.list(found.id(), query.build());
    if (listing.refusal().isPresent()) {
      return pages.refused(page, listing.refusal().get());
    }
    var listed = listing.orElseThrow().page();
    List<ProjectCard> cards =
        listed.projects().stream().map(p -> ProjectCard.of(p, definition, page)).toList();
    EditionView view =
        new EditionView(
            EditionCard.of(edition, page),
            definition.themes().stream()
                .map(t -> new EditionView.Choice(t.id(), page.t(t.name())))
                .toList(),
            definition.territory().districts(),
            java.util.Arrays.stream(ProjectStatus.values())
                .filter(PUBLIC::contains)
                .map(s -> new EditionView.Choice(s.name(), s.displayName(page.language())))
                .toList(),
            new EditionView.Filters(
                blankToEmpty(theme).orElse(""),
                blankToEmpty(district).orElse(""),
                wanted.map(Enum::name).orElse(""),
                blankToEmpty(search).orElse("")),
            cards,
            listed.total(),
            listed.offset(),
            listed.limit(),
            PortalCapability.tilesUrl(config));
    return pages.ok("edition.jte", page, "edition", view, "pool", pool);
  }

  /**
   * A project's page: what it is, what it costs, where, and what became of it (the feasibility
   * review's public answer and failed criteria, every status change with its reason, progress).
   *
   * @param process the process id
   * @param project the project id
   * @param submitted set when the reader has just submitted this idea
   * @return the page, or 404
   */
  @GET
  @Path("projects/{project}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "A project's page with its public follow-up (HTML)")
  public Response project(
      @PathParam("process") String process,
      @PathParam("project") String project,
      @QueryParam("submitted") String submitted) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    Optional<ProjectId> projectId = Ids.project(project);
    if (id.isEmpty() || projectId.isEmpty()) {
      return pages.notFound(page, process + "/" + project);
    }
    var loaded = processes.read(id.get());
    if (loaded.refusal().isPresent()) {
      return pages.refused(page, loaded.refusal().get());
    }
    var view = projects.read(Caller.of(security), id.get(), projectId.get());
    if (view.refusal().isPresent()) {
      return pages.refused(page, view.refusal().get());
    }
    var history = projects.history(id.get(), projectId.get());
    Project found = view.orElseThrow().project();
    return pages.ok(
        "project.jte",
        page,
        "edition",
        EditionCard.of(loaded.orElseThrow(), page),
        "project",
        ProjectView.of(
            found,
            loaded.orElseThrow().process(),
            history.refusal().isEmpty() ? Optional.of(history.orElseThrow()) : Optional.empty(),
            page),
        "tiles",
        PortalCapability.tilesUrl(config),
        "submitted",
        submitted != null,
        "encodedBy",
        page.staff() && found.channel() instanceof org.polity.project.Channel.PaperForm paper
            ? Optional.of(paper.encodedBy())
            : Optional.<String>empty());
  }

  private static Optional<ProjectStatus> status(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      ProjectStatus status = ProjectStatus.valueOf(value.trim());
      return PUBLIC.contains(status) ? Optional.of(status) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<String> blankToEmpty(String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(value.strip().substring(0, Math.min(value.strip().length(), 200)));
  }
}
