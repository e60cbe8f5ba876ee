package org.polity.jakarta.project;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.ETags;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.project.Channel;
import org.polity.project.ProjectQuery;
import org.polity.project.SummaryTable;

/**
 * The projects (ideas) of a process over HTTP: each method reads the request, calls one use case of
 * {@link ProjectService} and answers its outcome (refusals become problem documents). Staff updates
 * require {@code If-Match} with the project's ETag (428 without it, 412 when someone changed the
 * project since).
 */
@Path("api/v1/processes")
@RequestScoped
@Tag(name = "Projects")
public class ProjectResource {

  @Inject ProjectService projects;

  /** Creates the resource; CDI calls it. */
  public ProjectResource() {}

  /**
   * Submits an idea online as the current participant, if the phase allows submissions and the
   * process's SUBMIT rules admit them.
   *
   * @param processId the process
   * @param body the idea (see {@link ProjectDocuments})
   * @param security the participant
   * @param headers the request (language)
   * @param uri the request address
   * @return 201 with the project and its ETag
   */
  @POST
  @Path("{processId}/projects")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Submit an idea")
  public Response submit(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    var proposal = ProjectDocuments.proposal(body, new Channel.Online());
    var view =
        projects.submit(
            Caller.of(security), ProcessId.of(processId), proposal, Languages.of(headers));
    return created(view.orElseThrow(), uri);
  }

  /**
   * Encodes an idea submitted on a paper form, on its authors' behalf; the encoder is recorded.
   *
   * @param processId the process
   * @param body the idea as written on the form
   * @param security the encoder
   * @param uri the request address
   * @return 201 with the project and its ETag
   */
  @POST
  @Path("{processId}/paper-projects")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Encode an idea from a paper form (encoders)")
  public Response encode(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    Caller caller = Caller.of(security);
    var proposal =
        ProjectDocuments.proposal(body, new Channel.PaperForm(caller.name().orElseThrow()));
    return created(projects.encode(caller, ProcessId.of(processId), proposal).orElseThrow(), uri);
  }

  private static Response created(ProjectService.ProjectView view, UriInfo uri) {
    return Response.created(
            uri.getBaseUriBuilder()
                .path("api/v1/processes/{p}/projects/{id}")
                .build(view.project().processId().value(), view.project().id().value()))
        .tag(ETags.of(view.version()))
        .entity(ProjectDocuments.json(view))
        .build();
  }

  /**
   * The projects, filtered, sorted and paged ({@link ProjectQuery}).
   *
   * @param processId the process
   * @param status only these statuses (repeat or comma-separate)
   * @param theme only projects with this theme
   * @param district only projects in this district
   * @param sort {@code submitted} (default), {@code title}, {@code cost}, {@code status}; prefix
   *     {@code -} for descending
   * @param limit at most this many (1-200, default 50)
   * @param offset skip this many
   * @param headers the request (language, for sorting by title)
   * @return {@code {"total": n, "offset": ..., "limit": ..., "projects": [...]}}
   */
  @GET
  @Path("{processId}/projects")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The projects of a process (filter, sort, page)")
  public JsonObject list(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @QueryParam("status") List<String> status,
      @QueryParam("theme") String theme,
      @QueryParam("district") String district,
      @QueryParam("sort")
          @DefaultValue("submitted")
          @Pattern(
              regexp = "-?(submitted|title|cost|status)",
              message = "must be submitted, title, cost or status, with - for descending")
          String sort,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
      @Context HttpHeaders headers) {
    boolean descending = sort.startsWith("-");
    ProjectQuery query =
        ProjectQuery.builder()
            .statuses(ProjectDocuments.statuses(status))
            .theme(theme)
            .district(district)
            .sort(ProjectQuery.Sort.of(descending ? sort.substring(1) : sort), descending)
            .language(Languages.of(headers))
            .offset(offset)
            .limit(limit)
            .build();
    return ProjectDocuments.page(projects.list(ProcessId.of(processId), query).orElseThrow());
  }

  /**
   * A project, with its ETag (its version) for conditional updates.
   *
   * @param processId the process
   * @param projectId the project
   * @param security the caller (staff see residents' ages)
   * @return the project
   */
  @GET
  @Path("{processId}/projects/{projectId}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "A project")
  public Response get(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String projectId,
      @Context SecurityContext security) {
    return ok(projects.read(Caller.of(security), ProcessId.of(processId), ProjectId.of(projectId)));
  }

  /**
   * What happened to an idea: its status, since when, and why, in the reader's language, with the
   * whole public history.
   *
   * @param processId the process
   * @param projectId the project
   * @param headers the request (language)
   * @return {@code {"status", "since", "explanation", "progress", "history": [...]}}
   */
  @GET
  @Path("{processId}/projects/{projectId}/history")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "What happened to an idea")
  public JsonObject history(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String projectId,
      @Context HttpHeaders headers) {
    var history = projects.history(ProcessId.of(processId), ProjectId.of(projectId));
    return ProjectDocuments.history(history.orElseThrow(), Languages.of(headers));
  }

  /**
   * Moves a project (staff): {@code {"to": "UNDER_REVIEW" | "ON_BALLOT" | "NOT_FEASIBLE" |
   * "IN_PROGRESS" | "REALISED" | "ABANDONED", "why": {"fr": "..."}}}. Needs {@code If-Match}.
   *
   * @param processId the process
   * @param projectId the project
   * @param ifMatch the ETag read
   * @param body the move
   * @param security the staff member
   * @return the project with its new ETag; 409 when core refuses the move
   */
  @POST
  @Path("{processId}/projects/{projectId}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.REVIEWER, PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "Change a project's status (staff; If-Match)")
  public Response status(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    Long version = version(ifMatch);
    var move = ProjectDocuments.statusMove(body);
    return ok(
        projects.move(
            Caller.of(security),
            ProcessId.of(processId),
            ProjectId.of(projectId),
            version,
            move.to(),
            move.why()));
  }

  /**
   * Records the feasibility review of a project under review (reviewers): {@code {"checklist":
   * {"ON_TERRITORY": true, ...}, "costEstimate": {...}, "publicAnswer": {...}}}. Needs {@code
   * If-Match}.
   *
   * @param processId the process
   * @param projectId the project
   * @param ifMatch the ETag read
   * @param body the review
   * @param security the reviewer
   * @return the project, feasible or not, with its new ETag
   */
  @PUT
  @Path("{processId}/projects/{projectId}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.REVIEWER)
  @Operation(summary = "Record a feasibility review (reviewers; If-Match)")
  public Response review(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    Long version = version(ifMatch);
    Caller caller = Caller.of(security);
    var review = ProjectDocuments.reviewBody(body, caller.name().orElseThrow());
    return ok(
        projects.review(caller, ProcessId.of(processId), ProjectId.of(projectId), version, review));
  }

  /**
   * Merges a duplicate into another project (reviewers, administrators): {@code {"into": "...",
   * "why": {...}}}. Needs {@code If-Match} of the duplicate.
   *
   * @param processId the process
   * @param projectId the duplicate
   * @param ifMatch the duplicate's ETag
   * @param body the target and the public reason
   * @param security the staff member
   * @return the duplicate, merged
   */
  @POST
  @Path("{processId}/projects/{projectId}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.REVIEWER, PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "Merge a duplicate into another project (staff; If-Match)")
  public Response merge(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    Long version = version(ifMatch);
    var merge = ProjectDocuments.merge(body);
    return ok(
        projects.merge(
            Caller.of(security),
            ProcessId.of(processId),
            ProjectId.of(projectId),
            version,
            merge.into(),
            merge.why()));
  }

  /**
   * Publishes the progress of a project in progress (staff): {@code {"percent": 40, "milestones":
   * [{"label": {...}, "date": "2028-03-01", "reached": true}]}}. Needs {@code If-Match}.
   *
   * @param processId the process
   * @param projectId the project
   * @param ifMatch the ETag read
   * @param body the progress
   * @param security the staff member
   * @return the project with its new ETag
   */
  @PUT
  @Path("{processId}/projects/{projectId}/progress")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.REVIEWER, PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "Publish a project's progress (staff; If-Match)")
  public Response progress(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    Long version = version(ifMatch);
    var progress = ProjectDocuments.progress(body);
    return ok(
        projects.progress(
            Caller.of(security),
            ProcessId.of(processId),
            ProjectId.of(projectId),
            version,
            progress));
  }

  /**
   * Proclaims the results once the vote is over (administrators), in one of two ways:
   *
   * <ul>
   *   <li>{@code {"why": {...}}} (or no body): Polity counts every budget of the process with the
   *       process's counting rule, proclaims the winners and stores each budget's results as
   *       published ({@link ResultsService#publish}); every vote must be finished, and publishing
   *       twice is refused (409 {@code results-already-published});
   *   <li>{@code {"selected": ["..."], "why": {...}}}: the administrator lists the funded projects,
   *       for a vote counted outside Polity; nothing is stored besides the projects' statuses.
   * </ul>
   *
   * Either way every other project on the ballot is not selected, and {@code ResultsPublished} is
   * fired after the commit.
   *
   * @param processId the process
   * @param body the public reason, and the funded projects when counted outside Polity
   * @param security the administrator
   * @return {@code {"selected": [...], "notSelected": [...], "computed": true|false}}, with {@code
   *     "budgets": [...]} (each budget's id, winners and money used) when computed
   */
  @POST
  @Path("{processId}/results")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(
      summary =
          "Proclaim the results: computed by the process's counting rule, or listed"
              + " (administrators)")
  public JsonObject results(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      JsonObject body,
      @Context SecurityContext security) {
    var proclamation = ProjectDocuments.proclamation(body);
    Caller caller = Caller.of(security);
    ProcessId id = ProcessId.of(processId);
    if (proclamation.selected().isEmpty()) {
      var publication = projects.publish(caller, id, proclamation.why()).orElseThrow();
      return ProjectDocuments.proclaimed(
          publication.selected(), publication.notSelected(), publication);
    }
    var changed = projects.proclaim(caller, id, proclamation.selected().get(), proclamation.why());
    return ProjectDocuments.proclaimed(changed.orElseThrow());
  }

  /**
   * The summary table of the projects as CSV (staff): status, costs, themes, district, channel, and
   * the number of counted ballots naming each project once votes exist (live: staff only); {@code
   * format=excel} writes semicolons and a byte order mark for Excel in Belgium and France.
   *
   * @param processId the process
   * @param format {@code rfc4180} (default) or {@code excel}
   * @param security the staff member
   * @param headers the request (language of titles and status labels)
   * @return the CSV file
   */
  @GET
  @Path("{processId}/projects.csv")
  @Produces("text/csv")
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Summary table of the projects, CSV (staff)")
  public Response summary(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @QueryParam("format")
          @DefaultValue("rfc4180")
          @Pattern(regexp = "rfc4180|excel", message = "must be rfc4180 or excel")
          String format,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    Locale language = Languages.of(headers);
    var summary = projects.summary(Caller.of(security), ProcessId.of(processId)).orElseThrow();
    SummaryTable.Options options =
        format.equals("excel")
            ? SummaryTable.Options.excel(language)
            : SummaryTable.Options.rfc4180(language);
    StreamingOutput csv = out -> summary.write(options, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + processId + "-projects.csv\"")
        .build();
  }

  private static Response ok(org.polity.jakarta.problem.Result<ProjectService.ProjectView> result) {
    ProjectService.ProjectView view = result.orElseThrow();
    return Response.ok(ProjectDocuments.json(view)).tag(ETags.of(view.version())).build();
  }

  /** The version in {@code If-Match}: null without it (the service answers 428). */
  private static Long version(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? null : ETags.ifMatch(ifMatch, "project");
  }
}
