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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.eligibility.Address;
import org.polity.eligibility.DeskAttestation;
import org.polity.identity.AgeBand;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.voting.VotingService;
import org.polity.portal.pages.BallotView;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.voting.CastOutcome;
import org.polity.voting.PendingEncodingId;
import org.polity.voting.VoteSettings;

/**
 * The one-stop desk: a staff member serves a resident in person, checks their evidence once (the
 * document, the birth date or an age band, the address) and encodes their paper ballot, which the
 * voting service checks like any ballot (eligibility on what was attested, phase, form, one person
 * one vote) and records as encoded at the desk by this staff member; where the edition requires a
 * second encoder, the ballot waits for a colleague's identical reading.
 */
@Path("desk")
@RequestScoped
@Tag(name = "Portal")
public class DeskPages {

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject Processes ballots;
  @Inject VotingService voting;
  @Inject org.polity.jakarta.assembly.PoolService pools;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public DeskPages() {}

  /**
   * A budget the desk can encode ballots for.
   *
   * @param id the budget id
   * @param label the edition's title and the budget
   */
  public record Budget(String id, String label) {}

  /**
   * An edition the desk can act in on a resident's behalf.
   *
   * @param id the process id
   * @param title its title
   * @param ideas whether it takes ideas (it has projects)
   * @param pool whether it has a pool to register for
   */
  public record Edition(String id, String title, boolean ideas, boolean pool) {}

  /**
   * The desk's front page: the budgets whose votes are declared.
   *
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The one-stop desk (HTML)")
  public Response home() {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    List<Budget> budgets = new ArrayList<>();
    List<Edition> editions = new ArrayList<>();
    for (Processes.Loaded loaded : processes.list()) {
      editions.add(
          new Edition(
              loaded.process().id().value(),
              page.t(loaded.process().title()),
              loaded.projects().isPresent(),
              pools.declaration(loaded.process().id()).refusal().isEmpty()));
      for (BudgetId budget : loaded.definition().budgets()) {
        if (voting.settings(budget).refusal().isEmpty()) {
          budgets.add(
              new Budget(
                  budget.value(), page.t(loaded.process().title()) + " — " + budget.value()));
        }
      }
    }
    return pages.ok("staff/desk.jte", page, "budgets", budgets, "editions", editions);
  }

  /**
   * The paper ballot of a budget, to encode.
   *
   * @param budget the budget id
   * @return the form
   */
  @GET
  @Path("ballots/{budget}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Encode a paper ballot at the desk (HTML)")
  public Response ballot(@PathParam("budget") String budget) {
    return show(budget, Set.of(), List.of(), Optional.empty(), 200);
  }

  /**
   * Encodes a paper ballot with what the encoder checked.
   *
   * @param budget the budget id
   * @param identifier the resident's identifier, as on their paper ballot
   * @param document the document shown ({@link DeskAttestation.Document})
   * @param birthDate the birth date read on it, or ""
   * @param ageFrom the lowest age of the band checked instead, or ""
   * @param municipality the municipality code of the address checked, or ""
   * @param postalCode the postal code of the address checked, or ""
   * @param ticked the projects ticked on the paper ballot
   * @param pending the pending encoding a second encoder confirms, or ""
   * @return the outcome
   */
  @POST
  @Path("ballots/{budget}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Encodes a paper ballot (HTML form)")
  public Response encode(
      @PathParam("budget") String budget,
      @FormParam("identifier") String identifier,
      @FormParam("document") String document,
      @FormParam("birthDate") String birthDate,
      @FormParam("ageFrom") String ageFrom,
      @FormParam("municipality") String municipality,
      @FormParam("postalCode") String postalCode,
      @FormParam("project") List<String> ticked,
      @FormParam("pending") String pending) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    Set<ProjectId> basket = new LinkedHashSet<>();
    for (String one : ticked == null ? List.<String>of() : ticked) {
      try {
        basket.add(ProjectId.of(one));
      } catch (IllegalArgumentException e) {
        // a box that names no project is ignored: the form only offers the ballot's projects
      }
    }
    BudgetId id;
    try {
      id = BudgetId.of(budget);
    } catch (IllegalArgumentException e) {
      return show(
          budget, basket, List.of(page.t("refused.not-found", budget)), Optional.empty(), 404);
    }
    Caller encoder = Caller.of(security);
    var outcome =
        pending != null && !pending.isBlank()
            ? voting.confirm(
                encoder, id, new PendingEncodingId(pending.strip()), BallotView.ballot(basket))
            : attestation(document, birthDate, ageFrom, municipality, postalCode)
                .map(
                    attested ->
                        voting.encode(
                            encoder,
                            id,
                            identifier == null ? "" : identifier.strip(),
                            BallotView.ballot(basket),
                            attested,
                            page.language()))
                .orElse(null);
    if (outcome == null) {
      return show(budget, basket, List.of(page.t("desk.bad-attestation")), Optional.empty(), 422);
    }
    if (outcome.refusal().isPresent()) {
      var refusal = outcome.refusal().get();
      return show(
          budget, basket, Pages.reasons(refusal, page), Optional.empty(), refusal.kind().status());
    }
    CastOutcome cast = outcome.orElseThrow();
    String done;
    if (cast instanceof CastOutcome.AwaitingSecondEncoder waiting) {
      done = page.t("desk.awaiting", waiting.pending().value());
    } else if (cast instanceof CastOutcome.Accepted accepted) {
      done = page.t("desk.counted", accepted.receipt().value());
    } else if (cast instanceof CastOutcome.Confirmed confirmed) {
      done = page.t("desk.counted", confirmed.receipt().value());
    } else {
      done = page.t("desk.recorded");
    }
    return show(budget, Set.of(), List.of(), Optional.of(done), 200);
  }

  /**
   * What the desk's form says was checked, shared by every desk act (ballots, ideas, pools).
   *
   * @param document the document shown, or ""
   * @param birthDate the birth date read on it, or ""
   * @param ageFrom the lowest age of the band checked instead, or ""
   * @param municipality the municipality code of the address checked, or ""
   * @param postalCode the postal code of the address checked, or ""
   * @return the attestation, or empty when the form is not well formed
   */
  static Optional<DeskAttestation> attestation(
      String document, String birthDate, String ageFrom, String municipality, String postalCode) {
    try {
      DeskAttestation.Document shown =
          document == null || document.isBlank()
              ? DeskAttestation.Document.NONE
              : DeskAttestation.Document.valueOf(document.strip());
      Optional<LocalDate> born =
          birthDate == null || birthDate.isBlank()
              ? Optional.empty()
              : Optional.of(LocalDate.parse(birthDate.strip()));
      Optional<AgeBand> band =
          born.isPresent() || ageFrom == null || ageFrom.isBlank()
              ? Optional.empty()
              : Optional.of(new AgeBand(Integer.parseInt(ageFrom.strip()), null));
      boolean noAddress =
          (municipality == null || municipality.isBlank())
              && (postalCode == null || postalCode.isBlank());
      Optional<Address> address =
          noAddress ? Optional.empty() : Optional.of(new Address(municipality, postalCode, null));
      return Optional.of(new DeskAttestation(shown, born, band, address));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private Response show(
      String budget,
      Set<ProjectId> basket,
      List<String> errors,
      Optional<String> done,
      int status) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    BudgetId id;
    try {
      id = BudgetId.of(budget);
    } catch (IllegalArgumentException e) {
      return pages.notFound(page, budget);
    }
    var onBallot = ballots.ballot(id);
    if (onBallot.refusal().isPresent()) {
      return pages.refused(page, onBallot.refusal().get());
    }
    BudgetBallot ballot = onBallot.orElseThrow();
    var loaded = processes.read(ballot.process());
    if (loaded.refusal().isPresent()) {
      return pages.refused(page, loaded.refusal().get());
    }
    var settings = voting.settings(id);
    Optional<VoteSettings> declared =
        settings.refusal().isEmpty() ? Optional.of(settings.orElseThrow()) : Optional.empty();
    BallotView view =
        BallotView.of(
            ballot,
            declared.flatMap(VoteSettings::form),
            loaded.orElseThrow().process(),
            basket,
            page);
    List<String> documents = new ArrayList<>();
    for (DeskAttestation.Document document : DeskAttestation.Document.values()) {
      documents.add(document.name());
    }
    return pages.status(
        status,
        "staff/desk-ballot.jte",
        page,
        "ballot",
        view,
        "documents",
        documents,
        "secondEncoder",
        declared.map(VoteSettings::secondEncoderRequired).orElse(false),
        "errors",
        errors,
        "done",
        done);
  }
}
