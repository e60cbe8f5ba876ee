package org.polity.jakarta.project;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.eligibility.Participants;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.ETags;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.http.RequestBodies;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.Outcome;
import org.polity.process.ParticipationAction;
import org.polity.project.Channel;
import org.polity.project.IdeaFate;
import org.polity.project.Milestone;
import org.polity.project.Progress;
import org.polity.project.Project;
import org.polity.project.ProjectStatus;
import org.polity.project.SummaryTable;

/**
 * The projects (ideas) of a process: submit one online (participants, under the process's SUBMIT
 * rules) or encode a paper form (encoders), list them with filters, sorting and paging, read one
 * and its public history, and the staff's work on them (review, status changes, merge, follow-up,
 * results, CSV summary). Staff updates require {@code If-Match} with the project's ETag (428
 * without it, 412 when someone changed the project since).
 */
@Path("api/v1/processes")
@RequestScoped
@Tag(name = "Projects")
public class ProjectResource {

  private static final String STAFF_ROLES = "reviewer, administrator";

  @Inject Processes processes;
  @Inject Participants participants;
  @Inject ResultsService results;

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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    ProcessId id = ProcessId.of(processId);
    var definition = processes.read(id, Processes.Loaded::definition);
    participants.requireEligible(definition, ParticipationAction.SUBMIT, security, headers);
    return created(id, ProjectDocuments.proposal(body, new Channel.Online()), uri);
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      JsonObject body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    return created(
        ProcessId.of(processId),
        ProjectDocuments.proposal(
            body, new Channel.PaperForm(security.getUserPrincipal().getName())),
        uri);
  }

  private Response created(ProcessId id, org.polity.project.ProjectProposal proposal, UriInfo uri) {
    ProjectId project =
        processes.change(id, null, 0, loaded -> guard(() -> loaded.edition().submit(proposal)));
    return processes.read(
        id,
        loaded ->
            Response.created(
                    uri.getBaseUriBuilder()
                        .path("api/v1/processes/{p}/projects/{id}")
                        .build(id.value(), project.value()))
                .tag(ETags.of(loaded.version(project)))
                .entity(
                    ProjectDocuments.view(loaded.edition().get(project), true)
                        .add("version", loaded.version(project))
                        .build())
                .build());
  }

  /**
   * The projects, filtered, sorted and paged.
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
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
    Set<ProjectStatus> statuses = statuses(status);
    Locale language = Languages.of(headers);
    return processes.read(
        ProcessId.of(processId),
        loaded -> {
          List<Project> matching = new ArrayList<>();
          for (Project project : loaded.edition().projects()) {
            if ((statuses.isEmpty() || statuses.contains(project.status()))
                && (theme == null || project.themes().contains(theme))
                && (district == null || project.district().map(district::equals).orElse(false))) {
              matching.add(project);
            }
          }
          boolean descending = sort.startsWith("-");
          Comparator<Project> order =
              switch (descending ? sort.substring(1) : sort) {
                case "title" ->
                    Comparator.comparing(
                        (Project p) -> p.title().in(language), String.CASE_INSENSITIVE_ORDER);
                case "cost" -> Comparator.comparing(Project::cost);
                case "status" -> Comparator.comparing(Project::status);
                default -> Comparator.comparing(Project::submittedAt);
              };
          order = order.thenComparing(p -> p.id().value());
          matching.sort(descending ? order.reversed() : order);
          JsonArrayBuilder page = Jsonp.JSON.createArrayBuilder();
          matching.stream()
              .skip(offset)
              .limit(limit)
              .forEach(
                  p ->
                      page.add(
                          ProjectDocuments.view(p, false).add("version", loaded.version(p.id()))));
          return Jsonp.JSON
              .createObjectBuilder()
              .add("total", matching.size())
              .add("offset", offset)
              .add("limit", limit)
              .add("projects", page)
              .build();
        });
  }

  private static Set<ProjectStatus> statuses(List<String> given) {
    Set<ProjectStatus> statuses = new HashSet<>();
    for (String value : given == null ? List.<String>of() : given) {
      for (String name : value.split(",")) {
        try {
          statuses.add(ProjectStatus.valueOf(name.trim()));
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.of(
              "status",
              "'"
                  + name.trim()
                  + "' is not a status: use "
                  + List.of(ProjectStatus.values())
                  + ".");
        }
      }
    }
    return statuses;
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String projectId,
      @Context SecurityContext security) {
    ProjectId project = ProjectId.of(projectId);
    boolean staff =
        security.isUserInRole(PolityRole.Names.STAFF)
            || security.isUserInRole(PolityRole.Names.ADMINISTRATOR);
    return processes.read(
        ProcessId.of(processId),
        loaded -> {
          long version = loaded.version(project);
          return Response.ok(
                  ProjectDocuments.view(loaded.edition().get(project), staff)
                      .add("version", version)
                      .build())
              .tag(ETags.of(version))
              .build();
        });
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String projectId,
      @Context HttpHeaders headers) {
    ProjectId project = ProjectId.of(projectId);
    Locale language = Languages.of(headers);
    return processes.read(
        ProcessId.of(processId),
        loaded -> {
          loaded.version(project);
          IdeaFate fate = loaded.edition().whatHappened(project);
          Project p = loaded.edition().get(project);
          JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
          p.history()
              .forEach(
                  change ->
                      history.add(
                          Jsonp.JSON
                              .createObjectBuilder()
                              .add("status", change.to().name())
                              .add("statusName", change.to().displayName(language))
                              .add("at", change.at().toString())
                              .add("why", change.why().in(language))));
          var json =
              Jsonp.JSON
                  .createObjectBuilder()
                  .add("projectId", projectId)
                  .add("status", fate.status().name())
                  .add("since", fate.since().toString())
                  .add("explanation", fate.explanation(language))
                  .add("history", history);
          fate.progress()
              .ifPresentOrElse(
                  pr -> json.add("percent", pr.percent()), () -> json.addNull("percent"));
          return json.build();
        });
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    long version = ETags.ifMatch(ifMatch, "project");
    if (body == null) {
      throw InvalidInputException.of("body", "Send {\"to\": ..., \"why\": {...}}.");
    }
    RequestBodies.only(body, "to", "why");
    String to = RequestBodies.string(body, "to");
    var why = RequestBodies.text(body, "why");
    String actor = security.getUserPrincipal().getName();
    ProjectId project = ProjectId.of(projectId);
    return update(
        processId,
        project,
        version,
        loaded -> {
          var edition = loaded.edition();
          return switch (to) {
            case "UNDER_REVIEW" -> edition.startReview(project, actor);
            case "ON_BALLOT" -> edition.putOnBallot(project, actor, why);
            case "NOT_FEASIBLE" -> edition.declareNotFeasible(project, actor, why);
            case "IN_PROGRESS" -> edition.startRealisation(project, actor, why);
            case "REALISED" -> edition.markRealised(project, actor, why);
            case "ABANDONED" -> edition.abandon(project, actor, why);
            default ->
                throw InvalidInputException.of(
                    "to",
                    "Use UNDER_REVIEW, ON_BALLOT, NOT_FEASIBLE,"
                        + " IN_PROGRESS, REALISED or ABANDONED (reviews, merges and results have their own"
                        + " endpoints).");
          };
        });
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    long version = ETags.ifMatch(ifMatch, "project");
    if (body == null) {
      throw InvalidInputException.of("body", "Send the review.");
    }
    RequestBodies.only(body, "checklist", "costEstimate", "publicAnswer");
    var review = ProjectDocuments.review(body, security.getUserPrincipal().getName());
    ProjectId project = ProjectId.of(projectId);
    return update(
        processId,
        project,
        version,
        loaded -> guard(() -> loaded.edition().recordReview(project, review)));
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    long version = ETags.ifMatch(ifMatch, "project");
    if (body == null) {
      throw InvalidInputException.of("body", "Send {\"into\": ..., \"why\": {...}}.");
    }
    RequestBodies.only(body, "into", "why");
    ProjectId into = ProjectId.of(RequestBodies.string(body, "into"));
    var why = RequestBodies.text(body, "why");
    ProjectId project = ProjectId.of(projectId);
    return update(
        processId,
        project,
        version,
        loaded -> {
          loaded.version(into);
          return guard(
              () ->
                  loaded
                      .edition()
                      .merge(project, into, security.getUserPrincipal().getName(), why));
        });
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @PathParam("projectId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String projectId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonObject body,
      @Context SecurityContext security) {
    long version = ETags.ifMatch(ifMatch, "project");
    if (body == null) {
      throw InvalidInputException.of("body", "Send {\"percent\": ..., \"milestones\": [...]}.");
    }
    RequestBodies.only(body, "percent", "milestones");
    Progress progress;
    try {
      List<Milestone> milestones = new ArrayList<>();
      JsonValue list = body.get("milestones");
      if (list != null) {
        for (JsonValue value : list.asJsonArray()) {
          JsonObject m = value.asJsonObject();
          milestones.add(
              new Milestone(
                  RequestBodies.text(m, "label"),
                  m.get("date") instanceof JsonString d
                      ? java.time.LocalDate.parse(d.getString())
                      : null,
                  m.getBoolean("reached", false)));
        }
      }
      progress = new Progress(body.getInt("percent"), milestones);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw InvalidInputException.of(
          "body",
          "Give {\"percent\": 0-100, \"milestones\": [{\"label\":"
              + " {...}, \"date\": \"2028-03-01\", \"reached\": true}]}: "
              + e.getMessage());
    }
    ProjectId project = ProjectId.of(projectId);
    return update(
        processId,
        project,
        version,
        loaded ->
            loaded
                .edition()
                .reportProgress(project, progress, security.getUserPrincipal().getName()));
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      JsonObject body,
      @Context SecurityContext security) {
    if (body == null || !body.containsKey("selected")) {
      return publishComputed(ProcessId.of(processId), body, security.getUserPrincipal().getName());
    }
    RequestBodies.only(body, "selected", "why");
    var why = RequestBodies.text(body, "why");
    Set<ProjectId> selected = new LinkedHashSet<>();
    if (!(body.get("selected") instanceof jakarta.json.JsonArray ids)) {
      throw InvalidInputException.of("selected", "Give the ids of the funded projects.");
    }
    for (JsonValue value : ids) {
      if (!(value instanceof JsonString s)) {
        throw InvalidInputException.of("selected", "Give the ids as strings.");
      }
      selected.add(ProjectId.of(s.getString()));
    }
    List<Project> changed =
        processes.change(
            ProcessId.of(processId),
            null,
            0,
            loaded -> {
              selected.forEach(loaded::version);
              return guard(
                  () ->
                      loaded
                          .edition()
                          .proclaim(selected, security.getUserPrincipal().getName(), why));
            });
    JsonArrayBuilder funded = Jsonp.JSON.createArrayBuilder();
    JsonArrayBuilder others = Jsonp.JSON.createArrayBuilder();
    changed.forEach(
        p -> (p.status() == ProjectStatus.SELECTED ? funded : others).add(p.id().value()));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("selected", funded)
        .add("notSelected", others)
        .add("computed", false)
        .build();
  }

  private JsonObject publishComputed(ProcessId process, JsonObject body, String actor) {
    org.polity.common.LocalizedText why = null;
    if (body != null) {
      RequestBodies.only(body, "selected", "why");
      if (body.containsKey("why")) {
        why = RequestBodies.text(body, "why");
      }
    }
    ResultsService.Publication publication = results.publish(process, actor, why);
    JsonArrayBuilder funded = Jsonp.JSON.createArrayBuilder();
    publication.selected().forEach(id -> funded.add(id.value()));
    JsonArrayBuilder others = Jsonp.JSON.createArrayBuilder();
    publication.notSelected().forEach(id -> others.add(id.value()));
    JsonArrayBuilder budgets = Jsonp.JSON.createArrayBuilder();
    for (var one : publication.budgets()) {
      JsonArrayBuilder winners = Jsonp.JSON.createArrayBuilder();
      one.result().winners().forEach(id -> winners.add(id.value()));
      budgets.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("budgetId", one.budget().value())
              .add("rule", one.result().rule())
              .add("ballots", one.ballots())
              .add("winners", winners)
              .add("used", one.result().cost().toPlainString()));
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("selected", funded)
        .add("notSelected", others)
        .add("computed", true)
        .add("budgets", budgets)
        .build();
  }

  /**
   * The summary table of the projects as CSV (staff): status, costs, themes, district, channel, and
   * the number of counted ballots naming each project once votes exist (live: staff only); {@code
   * format=excel} writes semicolons and a byte order mark for Excel in Belgium and France.
   *
   * @param processId the process
   * @param format {@code rfc4180} (default) or {@code excel}
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
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String processId,
      @QueryParam("format")
          @DefaultValue("rfc4180")
          @Pattern(regexp = "rfc4180|excel", message = "must be rfc4180 or excel")
          String format,
      @Context HttpHeaders headers) {
    Locale language = Languages.of(headers);
    ProcessId id = ProcessId.of(processId);
    var snapshot =
        processes.read(
            id, loaded -> Map.entry(loaded.definition().budgets(), loaded.edition().projects()));
    List<Project> projects = snapshot.getValue();
    Map<ProjectId, Long> votes = results.votes(id, snapshot.getKey());
    SummaryTable.Options options =
        format.equals("excel")
            ? SummaryTable.Options.excel(language)
            : SummaryTable.Options.rfc4180(language);
    StreamingOutput csv = out -> SummaryTable.write(projects, votes, options, out);
    return Response.ok(csv, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + processId + "-projects.csv\"")
        .build();
  }

  private Response update(
      String processId,
      ProjectId project,
      long version,
      java.util.function.Function<Processes.Loaded, Outcome<Project>> work) {
    ProcessId id = ProcessId.of(processId);
    processes.change(id, project, version, loaded -> guard(() -> work.apply(loaded)));
    return processes.read(
        id,
        loaded -> {
          long now = loaded.version(project);
          return Response.ok(
                  ProjectDocuments.view(loaded.edition().get(project), true)
                      .add("version", now)
                      .build())
              .tag(ETags.of(now))
              .build();
        });
  }

  /** Core's misuse errors (unknown theme, district, project) become 400s naming the problem. */
  private static <T> Outcome<T> guard(java.util.function.Supplier<Outcome<T>> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("body", e.getMessage());
    }
  }
}
