package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.ballot.BallotProblem;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.voting.VotingService;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.voting.CastOutcome;
import org.polity.voting.Channel;
import org.polity.voting.ParticipationStatus;
import org.polity.voting.ReceiptCode;
import org.polity.voting.VoteSettings;

/**
 * The vote for residents: a basket of projects with its running total against the envelope and the
 * form's limits; "check my basket" recounts it without voting (the page works without scripts);
 * "vote" casts it through the voting service, which applies every rule (eligibility, phase, form),
 * and shows the receipt once ({@link ReceiptPage} checks it later).
 */
@Path("editions/{process}/vote")
@RequestScoped
@Tag(name = "Portal")
public class VotePages {

  /** The most projects a basket form may carry (a ballot never lists more). */
  static final int MAX_TICKS = 1000;

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject Processes ballots;
  @Inject VotingService voting;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public VotePages() {}

  /**
   * The vote of an edition: its budget's ballot, or the list of its budgets when it has several.
   *
   * @param process the process id
   * @return the page, a redirection to the only budget, or 404
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The vote of an edition (HTML)")
  public Response budgets(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.edition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    List<BudgetId> budgets = found.edition().definition().budgets();
    if (budgets.size() == 1) {
      return pages.seeOther("/editions/" + process + "/vote/" + budgets.get(0).value());
    }
    return pages.ok(
        "budgets.jte",
        page,
        "edition",
        EditionCard.of(found.edition(), page),
        "budgets",
        budgets.stream().map(BudgetId::value).toList());
  }

  /**
   * The ballot of a budget, with an empty basket.
   *
   * @param process the process id
   * @param budget the budget id
   * @return the page, or a refusal (404 when the budget is not the process's)
   */
  @GET
  @Path("{budget}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The ballot of a budget, as a basket (HTML)")
  public Response ballot(@PathParam("process") String process, @PathParam("budget") String budget) {
    Vote vote = read(process, budget);
    return vote.answer() != null ? vote.answer() : show(vote, Map.of(), List.of(), 200);
  }

  /**
   * Checks or casts the basket: the projects ticked ({@code project}, approval ballots) or, for the
   * other kinds, the number entered per project ({@code v-<project>}: points, score or rank).
   *
   * @param process the process id
   * @param budget the budget id
   * @param form the form's fields; {@code action} is {@code check} to recount the basket, {@code
   *     vote} to cast it
   * @return the ballot again (checked, or refused with every reason), or the receipt
   */
  @POST
  @Path("{budget}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Checks or casts a basket (HTML form)")
  public Response cast(
      @PathParam("process") String process,
      @PathParam("budget") String budget,
      MultivaluedMap<String, String> form) {
    Vote vote = read(process, budget);
    if (vote.answer() != null) {
      return vote.answer();
    }
    Page page = vote.page();
    BallotKind kind = vote.kind();
    List<String> mistakes = new ArrayList<>();
    Map<ProjectId, Integer> entered = entered(kind, vote.ballot(), form, page, mistakes);
    String action = form == null ? null : form.getFirst("action");
    if (!mistakes.isEmpty()) {
      return show(vote, entered, mistakes, 422);
    }
    if (!"vote".equals(action)) {
      return show(vote, entered, List.of(), 200);
    }
    Caller caller = Caller.of(security);
    if (caller.principal().isEmpty()) {
      return pages.seeOther(
          "/sign-in?then=" + page.query("/editions/" + process + "/vote/" + budget));
    }
    var outcome =
        voting.cast(
            caller, vote.id(), BallotView.ballot(kind, entered), Channel.online(), page.language());
    if (outcome.refusal().isPresent()) {
      Refusal refusal = outcome.refusal().get();
      return show(vote, entered, Pages.reasons(refusal, page), refusal.kind().status());
    }
    CastOutcome cast = outcome.orElseThrow();
    ReceiptCode receipt =
        cast instanceof CastOutcome.Accepted a
            ? a.receipt()
            : cast instanceof CastOutcome.Replaced r ? r.receipt() : null;
    return pages.ok(
        "receipt.jte",
        page,
        "process",
        process,
        "budget",
        budget,
        "receipt",
        receipt == null ? "" : receipt.value(),
        "replaced",
        cast instanceof CastOutcome.Replaced);
  }

  /**
   * What the voter entered, for the ballot's projects only: the projects ticked (with 1) for an
   * approval ballot, else the whole numbers entered; a field that is not a whole number from 0 to
   * {@link BallotView#MAX_NUMBER}, or a rank given twice, is a mistake named with its project.
   */
  private static Map<ProjectId, Integer> entered(
      BallotKind kind,
      BudgetBallot ballot,
      MultivaluedMap<String, String> form,
      Page page,
      List<String> mistakes) {
    Map<ProjectId, Integer> entered = new LinkedHashMap<>();
    if (form == null) {
      return entered;
    }
    List<String> ticked = form.getOrDefault("project", List.of());
    Map<Integer, String> ranks = new java.util.HashMap<>();
    for (var project : ballot.projects()) {
      if (entered.size() >= MAX_TICKS) {
        break;
      }
      String id = project.id().value();
      if (kind == BallotKind.APPROVAL) {
        if (ticked.contains(id)) {
          entered.put(project.id(), 1);
        }
        continue;
      }
      String raw = form.getFirst("v-" + id);
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String title = page.t(project.title());
      int value;
      try {
        value = Integer.parseInt(raw.strip());
      } catch (NumberFormatException notANumber) {
        value = -1;
      }
      if (value < 0 || value > BallotView.MAX_NUMBER) {
        mistakes.add(page.t("vote.bad-number", title));
        continue;
      }
      if (kind == BallotKind.ORDINAL) {
        String before = ranks.putIfAbsent(value, title);
        if (before != null) {
          mistakes.add(page.t("vote.rank-shared", before, title, value));
          continue;
        }
      }
      entered.put(project.id(), value);
    }
    return entered;
  }

  /**
   * What the vote page of a budget shows, read once per request: the edition, the ballot and the
   * vote's settings (empty while no vote is declared), or the answer instead ({@code answer}: 404
   * for ids that name nothing or a budget of another edition, or the service's refusal).
   */
  private record Vote(
      Page page,
      BudgetId id,
      Processes.Loaded edition,
      BudgetBallot ballot,
      Optional<VoteSettings> settings,
      Response answer) {

    static Vote refused(Page page, Response answer) {
      return new Vote(page, null, null, null, Optional.empty(), answer);
    }

    /** The ballot's kind: approval until a form says otherwise. */
    BallotKind kind() {
      return settings.flatMap(VoteSettings::form).map(BallotForm::kind).orElse(BallotKind.APPROVAL);
    }
  }

  private Vote read(String process, String budget) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessId> processId = Ids.process(process);
    Optional<BudgetId> id = Ids.budget(budget);
    if (processId.isEmpty() || id.isEmpty()) {
      return Vote.refused(page, pages.notFound(page, process + "/" + budget));
    }
    var loaded = processes.read(processId.get());
    if (loaded.refusal().isPresent()) {
      return Vote.refused(page, pages.refused(page, loaded.refusal().get()));
    }
    var onBallot = ballots.ballot(id.get());
    if (onBallot.refusal().isPresent()) {
      return Vote.refused(page, pages.refused(page, onBallot.refusal().get()));
    }
    BudgetBallot ballot = onBallot.orElseThrow();
    if (!ballot.process().equals(processId.get())) {
      return Vote.refused(page, pages.notFound(page, process + "/" + budget));
    }
    var settings = voting.settings(id.get());
    return new Vote(
        page,
        id.get(),
        loaded.orElseThrow(),
        ballot,
        settings.refusal().isEmpty() ? Optional.of(settings.orElseThrow()) : Optional.empty(),
        null);
  }

  private Response show(
      Vote vote, Map<ProjectId, Integer> basket, List<String> errors, int status) {
    Page page = vote.page();
    BudgetBallot ballot = vote.ballot();
    Optional<VoteSettings> declared = vote.settings();
    BudgetId id = vote.id();
    BallotView view =
        BallotView.of(
            ballot, declared.flatMap(VoteSettings::form), vote.edition().process(), basket, page);
    List<String> all = new ArrayList<>(errors);
    if (errors.isEmpty() && !basket.isEmpty() && declared.flatMap(VoteSettings::form).isPresent()) {
      for (BallotProblem problem :
          declared
              .get()
              .form()
              .get()
              .problems(
                  BallotView.ballot(declared.get().form().get().kind(), basket),
                  BallotView.costs(ballot))) {
        all.add(problem.text(page.language()));
      }
    }
    Optional<String> standing = Optional.empty();
    Caller caller = Caller.of(security);
    if (caller.principal().isPresent()) {
      var participation = voting.participation(caller, id);
      if (participation.refusal().isEmpty()
          && participation.orElseThrow() instanceof ParticipationStatus.Voted) {
        standing = Optional.of(page.t("vote.already"));
      }
    }
    return pages.status(
        status,
        "vote.jte",
        page,
        "ballot",
        view,
        "errors",
        all,
        "checked",
        !basket.isEmpty() && errors.isEmpty(),
        "open",
        declared.isPresent(),
        "standing",
        standing);
  }
}
