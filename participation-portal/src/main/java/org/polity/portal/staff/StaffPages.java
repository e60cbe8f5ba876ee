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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.pages.EditionCard;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.project.FeasibilityCriterion;
import org.polity.project.FeasibilityReview;
import org.polity.project.Project;
import org.polity.project.ProjectQuery;
import org.polity.project.ProjectStatus;
import org.polity.project.SummaryTable;

/**
 * Staff run an edition: open its phases (with the guards' messages when a phase cannot open),
 * review ideas with the feasibility checklist and a public answer, move and merge projects, publish
 * the results, and export the summary. A page refuses a caller without a staff role; each action is
 * checked again by its service.
 */
@Path("staff")
@RequestScoped
@Tag(name = "Portal")
public class StaffPages {

  /** The statuses of the review queue. */
  static final EnumSet<ProjectStatus> QUEUE =
      EnumSet.of(ProjectStatus.SUBMITTED, ProjectStatus.UNDER_REVIEW);

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject ProjectService projects;
  @Inject org.polity.jakarta.voting.VotingService voting;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public StaffPages() {}

  /**
   * A project in the review queue or the edition's list for staff.
   *
   * @param id its id
   * @param title its title
   * @param status its status's name
   * @param statusCode its status
   * @param cost its estimated cost, formatted
   * @param costAmount its cost as a plain number
   * @param district its district, or ""
   * @param description its description
   * @param version the version read, sent back with an action so that two staff members never
   *     overwrite each other's change
   */
  public record Row(
      String id,
      String title,
      String status,
      String statusCode,
      String cost,
      String costAmount,
      String district,
      String description,
      long version) {}

  /**
   * A criterion of the checklist.
   *
   * @param code its name
   * @param label its text in the reader's language
   */
  public record Criterion(String code, String label) {}

  /**
   * The staff's front page: the editions with their phase and what to do next.
   *
   * @return the page, or 403
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The staff's front page (HTML)")
  public Response home() {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    List<EditionCard> editions =
        processes.list().stream().map(loaded -> EditionCard.of(loaded, page)).toList();
    return pages.ok("staff/home.jte", page, "editions", editions);
  }

  /**
   * An edition for staff: its phases, its review queue, its projects, results and exports.
   *
   * @param process the process id
   * @return the page
   */
  @GET
  @Path("editions/{process}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "An edition for staff (HTML)")
  public Response edition(@PathParam("process") String process) {
    return show(process, List.of(), Optional.empty(), 200);
  }

  /**
   * Opens a phase.
   *
   * @param process the process id
   * @param phase the phase's id
   * @param why the public reason
   * @return the edition again, with the guard's message when refused
   */
  @POST
  @Path("editions/{process}/phase")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Opens a phase (HTML form)")
  public Response phase(
      @PathParam("process") String process,
      @FormParam("phase") String phase,
      @FormParam("why") String why) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, List.of(), Optional.empty(), 404);
    }
    var moved =
        processes.move(
            Caller.of(security),
            id.get(),
            phase == null || phase.isBlank() ? Optional.empty() : Optional.of(phase.strip()),
            reason(why, page, "staff.phase.default-why"));
    if (moved.refusal().isPresent()) {
      return refused(process, moved.refusal().get());
    }
    return show(process, List.of(), Optional.of(page.t("staff.phase.opened")), 200);
  }

  /**
   * Records a project's feasibility review.
   *
   * @param process the process id
   * @param project the project id
   * @param version the version read
   * @param criteria the criteria met (the others are not)
   * @param cost the reviewed cost
   * @param answer the public answer
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/projects/{project}/review")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Records a feasibility review (HTML form)")
  public Response review(
      @PathParam("process") String process,
      @PathParam("project") String project,
      @FormParam("version") Long version,
      @FormParam("criterion") List<String> criteria,
      @FormParam("cost") String cost,
      @FormParam("answer") String answer) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    Optional<ProjectId> projectId = Ids.project(project);
    if (id.isEmpty() || projectId.isEmpty()) {
      return show(process, List.of(), Optional.empty(), 404);
    }
    Map<FeasibilityCriterion, Boolean> checklist = new EnumMap<>(FeasibilityCriterion.class);
    for (FeasibilityCriterion criterion : FeasibilityCriterion.values()) {
      checklist.put(criterion, criteria != null && criteria.contains(criterion.name()));
    }
    Caller caller = Caller.of(security);
    FeasibilityReview review;
    try {
      var read = projects.read(caller, id.get(), projectId.get());
      if (read.refusal().isPresent()) {
        return refused(process, read.refusal().get());
      }
      Money estimate = read.orElseThrow().project().estimatedCost();
      Money reviewed =
          cost == null || cost.isBlank()
              ? estimate
              : Money.of(
                  new BigDecimal(cost.strip().replace(',', '.')),
                  estimate.currency().getCurrencyCode());
      review =
          new FeasibilityReview(
              caller.name().orElse("staff"),
              checklist,
              reviewed,
              reason(answer, page, "staff.review.default-answer"));
    } catch (IllegalArgumentException e) {
      return show(
          process,
          List.of(page.t("staff.review.bad-cost", cost == null ? "" : cost)),
          Optional.empty(),
          422);
    }
    var reviewed = projects.review(caller, id.get(), projectId.get(), version, review);
    if (reviewed.refusal().isPresent()) {
      return refused(process, reviewed.refusal().get());
    }
    return show(process, List.of(), Optional.of(page.t("staff.review.done")), 200);
  }

  /**
   * Moves a project to another status.
   *
   * @param process the process id
   * @param project the project id
   * @param version the version read
   * @param to the new status
   * @param why the public reason
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/projects/{project}/status")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Moves a project to another status (HTML form)")
  public Response status(
      @PathParam("process") String process,
      @PathParam("project") String project,
      @FormParam("version") Long version,
      @FormParam("to") String to,
      @FormParam("why") String why) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    Optional<ProjectId> projectId = Ids.project(project);
    Optional<ProjectStatus> status = status(to);
    if (id.isEmpty() || projectId.isEmpty() || status.isEmpty()) {
      return show(
          process,
          List.of(page.t("staff.status.unknown", to == null ? "" : to)),
          Optional.empty(),
          422);
    }
    var moved =
        projects.move(
            Caller.of(security),
            id.get(),
            projectId.get(),
            version,
            status.get(),
            reason(why, page, "staff.status.default-why"));
    if (moved.refusal().isPresent()) {
      return refused(process, moved.refusal().get());
    }
    return show(process, List.of(), Optional.of(page.t("staff.status.done")), 200);
  }

  /**
   * Publishes the progress of a project in progress: the percentage, and a milestone added to the
   * ones already published.
   *
   * @param process the process id
   * @param project the project id
   * @param version the version read
   * @param percent the progress, 0 to 100
   * @param milestone the new milestone's label, or empty
   * @param milestoneDate its day (ISO), or empty
   * @param reached whether it is reached
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/projects/{project}/progress")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Publishes the progress of a project (HTML form)")
  public Response progress(
      @PathParam("process") String process,
      @PathParam("project") String project,
      @FormParam("version") Long version,
      @FormParam("percent") String percent,
      @FormParam("milestone") String milestone,
      @FormParam("milestoneDate") String milestoneDate,
      @FormParam("reached") String reached) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    Optional<ProjectId> projectId = Ids.project(project);
    if (id.isEmpty() || projectId.isEmpty()) {
      return show(process, List.of(), Optional.empty(), 404);
    }
    Caller caller = Caller.of(security);
    var read = projects.read(caller, id.get(), projectId.get());
    if (read.refusal().isPresent()) {
      return refused(process, read.refusal().get());
    }
    org.polity.project.Progress progress;
    try {
      List<org.polity.project.Milestone> milestones =
          new ArrayList<>(
              read.orElseThrow().project().progress().map(p -> p.milestones()).orElse(List.of()));
      if (milestone != null && !milestone.isBlank()) {
        milestones.add(
            new org.polity.project.Milestone(
                LocalizedText.of(page.lang(), milestone.strip()),
                java.time.LocalDate.parse(milestoneDate == null ? "" : milestoneDate.strip()),
                reached != null));
      }
      progress = new org.polity.project.Progress(Integer.parseInt(percent.strip()), milestones);
    } catch (RuntimeException e) {
      return show(process, List.of(page.t("staff.progress.bad")), Optional.empty(), 422);
    }
    var reported = projects.progress(caller, id.get(), projectId.get(), version, progress);
    if (reported.refusal().isPresent()) {
      return refused(process, reported.refusal().get());
    }
    return show(process, List.of(), Optional.of(page.t("staff.progress.done")), 200);
  }

  /**
   * Merges a duplicate into another project.
   *
   * @param process the process id
   * @param project the duplicate
   * @param version the duplicate's version read
   * @param into the project that absorbs it
   * @param why the public reason
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/projects/{project}/merge")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Merges a duplicate (HTML form)")
  public Response merge(
      @PathParam("process") String process,
      @PathParam("project") String project,
      @FormParam("version") Long version,
      @FormParam("into") String into,
      @FormParam("why") String why) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    Optional<ProjectId> duplicate = Ids.project(project);
    Optional<ProjectId> target = Ids.project(into);
    if (id.isEmpty() || duplicate.isEmpty() || target.isEmpty()) {
      return show(process, List.of(page.t("staff.merge.choose")), Optional.empty(), 422);
    }
    var merged =
        projects.merge(
            Caller.of(security),
            id.get(),
            duplicate.get(),
            version,
            target.get(),
            reason(why, page, "staff.merge.default-why"));
    if (merged.refusal().isPresent()) {
      return refused(process, merged.refusal().get());
    }
    return show(process, List.of(), Optional.of(page.t("staff.merge.done")), 200);
  }

  /**
   * Counts and publishes the results.
   *
   * @param process the process id
   * @param why the public reason, or empty for one naming the rule
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/results")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Publishes the results (HTML form)")
  public Response publish(@PathParam("process") String process, @FormParam("why") String why) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, List.of(), Optional.empty(), 404);
    }
    var published =
        projects.publish(
            Caller.of(security),
            id.get(),
            why == null || why.isBlank() ? null : LocalizedText.of(page.lang(), why.strip()));
    if (published.refusal().isPresent()) {
      return refused(process, published.refusal().get());
    }
    return show(process, List.of(), Optional.of(page.t("staff.results.published")), 200);
  }

  /**
   * The summary table of the edition's projects and votes, as CSV in the reader's language.
   *
   * @param process the process id
   * @return the file, or a refusal page
   */
  @GET
  @Path("editions/{process}/summary.csv")
  @PermitAll
  @Produces({"text/csv", MediaType.TEXT_HTML})
  @Operation(summary = "The summary table as CSV (staff)")
  public Response summary(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, List.of(), Optional.empty(), 404);
    }
    var summary = projects.summary(Caller.of(security), id.get());
    if (summary.refusal().isPresent()) {
      return pages.refused(page, summary.refusal().get());
    }
    SummaryTable.Options options =
        new SummaryTable.Options(page.language(), page.lang().equals("en") ? ',' : ';', true);
    StreamingOutput body = out -> summary.orElseThrow().write(options, out);
    return Pages.secured(Response.ok(body, "text/csv;charset=utf-8"))
        .header("Content-Disposition", "attachment; filename=\"" + process + "-summary.csv\"")
        .build();
  }

  /**
   * The summary table as an XLSX workbook in the reader's language.
   *
   * @param process the process id
   * @return the file, or a refusal page
   */
  @GET
  @Path("editions/{process}/summary.xlsx")
  @PermitAll
  @Produces({
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MediaType.TEXT_HTML
  })
  @Operation(summary = "The summary table as XLSX (staff)")
  public Response workbook(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, List.of(), Optional.empty(), 404);
    }
    var summary = projects.summary(Caller.of(security), id.get());
    if (summary.refusal().isPresent()) {
      return pages.refused(page, summary.refusal().get());
    }
    StreamingOutput body =
        out -> SummaryWorkbook.write(summary.orElseThrow(), page.language(), out);
    return Pages.secured(
            Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header("Content-Disposition", "attachment; filename=\"" + process + "-summary.xlsx\"")
        .build();
  }

  /**
   * Declares the vote on a budget: its dates and its approval ballot form (the basket is the
   * budget's envelope). Re-declaring is possible until the first ballot.
   *
   * @param process the process id
   * @param budget the budget id
   * @param opensAt when ballots are accepted (local date and time in the portal's zone)
   * @param closesAt when the vote closes
   * @param deskUntil the end of desk encoding, or empty for the close
   * @param minProjects the fewest projects a ballot names
   * @param maxProjects the most projects a ballot names, or empty for no limit
   * @param changes set when a voter may change their ballot until the close
   * @param secondEncoder set when a paper ballot counts only after a second encoder
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/vote/{budget}/declaration")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Declares a vote (HTML form)")
  public Response declare(
      @PathParam("process") String process,
      @PathParam("budget") String budget,
      @FormParam("opensAt") String opensAt,
      @FormParam("closesAt") String closesAt,
      @FormParam("deskUntil") String deskUntil,
      @FormParam("minProjects") String minProjects,
      @FormParam("maxProjects") String maxProjects,
      @FormParam("changes") String changes,
      @FormParam("secondEncoder") String secondEncoder) {
    Page page = pages.page(headers, uri, security);
    org.polity.voting.VoteSettings settings;
    org.polity.jakarta.voting.RequestedForm form;
    try {
      java.time.Instant opens = local(opensAt, page);
      java.time.Instant closes = local(closesAt, page);
      java.time.Instant desk =
          deskUntil == null || deskUntil.isBlank() ? closes : local(deskUntil, page);
      settings =
          org.polity.voting.VoteSettings.builder(org.polity.common.BudgetId.of(budget))
              .opens(opens)
              .closes(closes)
              .deskEncodingUntil(desk)
              .changesAllowed(changes != null)
              .secondEncoderRequired(secondEncoder != null)
              .build();
      int min =
          minProjects == null || minProjects.isBlank() ? 1 : Integer.parseInt(minProjects.strip());
      int max =
          maxProjects == null || maxProjects.isBlank()
              ? Integer.MAX_VALUE
              : Integer.parseInt(maxProjects.strip());
      form =
          new org.polity.jakarta.voting.RequestedForm(
              org.polity.ballot.BallotForm.builder(org.polity.ballot.BallotKind.APPROVAL)
                  .projects(min, max)
                  .build(),
              Optional.empty());
    } catch (RuntimeException e) {
      return show(process, List.of(page.t("staff.declare.bad")), Optional.empty(), 422);
    }
    var declared = voting.declare(Caller.of(security), settings, Optional.of(form));
    if (declared.refusal().isPresent()) {
      return refused(process, declared.refusal().get());
    }
    return show(
        process,
        List.of(),
        Optional.of(page.t("staff.declare.done", page.dateTime(declared.orElseThrow().closesAt()))),
        200);
  }

  private static java.time.Instant local(String value, Page page) {
    return java.time.LocalDateTime.parse(value.strip()).atZone(page.zone()).toInstant();
  }

  /**
   * Closes the vote on a budget now, or extends it.
   *
   * @param process the process id
   * @param budget the budget id
   * @param closesAt the new close (a local date and time in the portal's zone), or empty to close
   *     now
   * @param deskToo set to end desk encoding at the same instant (no paper ballot left to encode)
   * @param why the public reason
   * @return the edition again
   */
  @POST
  @Path("editions/{process}/vote/{budget}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Closes or extends a vote (HTML form)")
  public Response reschedule(
      @PathParam("process") String process,
      @PathParam("budget") String budget,
      @FormParam("closesAt") String closesAt,
      @FormParam("deskToo") String deskToo,
      @FormParam("why") String why) {
    Page page = pages.page(headers, uri, security);
    org.polity.common.BudgetId id;
    Optional<java.time.Instant> until;
    try {
      id = org.polity.common.BudgetId.of(budget);
      until =
          closesAt == null || closesAt.isBlank()
              ? Optional.empty()
              : Optional.of(
                  java.time.LocalDateTime.parse(closesAt.strip()).atZone(page.zone()).toInstant());
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return show(process, List.of(page.t("staff.vote.bad-date", closesAt)), Optional.empty(), 422);
    }
    String reason = why == null || why.isBlank() ? page.t("staff.vote.default-why") : why.strip();
    Optional<java.time.Instant> deskUntil = Optional.empty();
    if (deskToo != null) {
      // the service closes "now" at its own instant, after this one: both ends a second ahead
      until = Optional.of(until.orElseGet(() -> java.time.Instant.now().plusSeconds(1)));
      deskUntil = until;
    }
    var moved = voting.reschedule(Caller.of(security), id, until, deskUntil, reason);
    if (moved.refusal().isPresent()) {
      return refused(process, moved.refusal().get());
    }
    return show(
        process,
        List.of(),
        Optional.of(
            page.t("staff.vote.rescheduled", page.dateTime(moved.orElseThrow().closesAt()))),
        200);
  }

  /** The edition again with a service's refusal, in the reader's language, and its status. */
  private Response refused(String process, org.polity.jakarta.problem.Refusal refusal) {
    Page page = pages.page(headers, uri, security);
    return show(
        process,
        List.of(refusal.detail(page.language())),
        Optional.empty(),
        refusal.kind().status());
  }

  private Response show(String process, List<String> errors, Optional<String> done, int status) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.staffEdition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    Processes.Loaded edition = found.edition();
    List<Row> queue = new ArrayList<>();
    List<Row> all = new ArrayList<>();
    var listing =
        projects.list(
            found.id(),
            ProjectQuery.builder()
                .language(page.language())
                .limit(ProjectQuery.DEFAULT_LIMIT * 20)
                .build());
    if (listing.refusal().isEmpty()) {
      for (Project project : listing.orElseThrow().page().projects()) {
        Row row =
            new Row(
                project.id().value(),
                page.t(project.title()),
                project.status().displayName(page.language()),
                project.status().name(),
                page.money(project.cost()),
                project.cost().amount().stripTrailingZeros().toPlainString(),
                project.district().orElse(""),
                page.t(project.proposal().description()),
                listing.orElseThrow().versions().getOrDefault(project.id(), 0L));
        all.add(row);
        if (QUEUE.contains(project.status())) {
          queue.add(row);
        }
      }
    }
    List<Criterion> criteria = new ArrayList<>();
    for (FeasibilityCriterion criterion : FeasibilityCriterion.values()) {
      criteria.add(new Criterion(criterion.name(), criterion.displayName(page.language())));
    }
    List<Criterion> moves = new ArrayList<>();
    for (ProjectStatus move : ProjectService.STAFF_MOVES) {
      moves.add(new Criterion(move.name(), move.displayName(page.language())));
    }
    moves.sort((a, b) -> a.label().compareTo(b.label()));
    List<Criterion> phases = new ArrayList<>();
    edition
        .process()
        .phases()
        .forEach(p -> phases.add(new Criterion(p.id(), p.displayName(page.language()))));
    return pages.status(
        status,
        "staff/edition.jte",
        page,
        "edition",
        EditionCard.of(edition, page),
        "phases",
        phases,
        "queue",
        queue,
        "projects",
        all,
        "criteria",
        criteria,
        "moves",
        moves,
        "budgets",
        edition.definition().budgets().stream().map(b -> b.value()).toList(),
        "errors",
        errors,
        "done",
        done);
  }

  private static LocalizedText reason(String typed, Page page, String fallback) {
    String text = typed == null || typed.isBlank() ? page.t(fallback) : typed.strip();
    return LocalizedText.of(page.lang(), text.length() > 2000 ? text.substring(0, 2000) : text);
  }

  private static Optional<ProjectStatus> status(String value) {
    try {
      ProjectStatus status = ProjectStatus.valueOf(value == null ? "" : value.strip());
      return ProjectService.STAFF_MOVES.contains(status) ? Optional.of(status) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
