package org.polity.jakarta.voting;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.Turnout;
import org.polity.voting.VoteSettings;

/**
 * The vote on a budget: declare it, read its settings, turnout, the counted ballots, seal it. Each
 * method translates the request to one {@link VotingService} call and its result to the answer.
 */
@Path("api/v1/budgets/{budgetId}")
@RequestScoped
@Tag(name = "Votes")
public class VoteResource {

  @Inject VotingService voting;

  /** Creates the resource; CDI calls it. */
  public VoteResource() {}

  /**
   * Declares the vote on a budget. Declaring the same settings again changes nothing.
   *
   * @param budgetId the budget
   * @param body the settings ({@link VoteJson})
   * @param security the administrator
   * @return 200 with the settings; 409 if the vote was declared with other settings
   */
  @PUT
  @Path("vote")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Declare the vote on a budget (administrators)")
  public JsonObject open(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      JsonObject body,
      @Context SecurityContext security) {
    BudgetId budget = BudgetId.of(budgetId);
    VoteJson.Declaration declaration = VoteJson.declaration(budget, body);
    VoteSettings declared =
        voting
            .declare(
                Caller.of(security),
                declaration.settings(),
                declaration.formStated() ? Optional.of(declaration.form()) : Optional.empty())
            .orElseThrow();
    return VoteJson.toJson(declared, voting.changes(budget).orElseThrow());
  }

  /**
   * The settings of the vote on a budget.
   *
   * @param budgetId the budget
   * @return the settings, or 404
   */
  @GET
  @Path("vote")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The vote on a budget: dates and rules")
  public JsonObject settings(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId) {
    BudgetId budget = BudgetId.of(budgetId);
    return VoteJson.toJson(
        voting.settings(budget).orElseThrow(), voting.changes(budget).orElseThrow());
  }

  /**
   * Closes a budget's vote early: {@code {"reason": "...", "closesAt": ... (optional: now),
   * "deskEncodingUntil": ... (optional)}}.
   *
   * @param budgetId the budget
   * @param body the reason and, optionally, the new dates
   * @param security the administrator
   * @return 200 with the vote, its history included; 409 {@code vote-not-reschedulable}
   */
  @POST
  @Path("vote/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(
      operationId = "closeVote",
      summary = "Close a budget's vote early, with a reason (administrators)")
  public JsonObject close(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      JsonObject body,
      @Context SecurityContext security) {
    return move(budgetId, VoteJson.move(body, false), security);
  }

  /**
   * Extends a budget's vote (after an outage, say): {@code {"reason": "...", "closesAt": ...,
   * "deskEncodingUntil": ... (optional)}}.
   *
   * @param budgetId the budget
   * @param body the reason and the new close
   * @param security the administrator
   * @return 200 with the vote, its history included; 409 {@code vote-not-reschedulable}
   */
  @POST
  @Path("vote/extend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(
      operationId = "extendVote",
      summary = "Extend a budget's vote, with a reason (administrators)")
  public JsonObject extend(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      JsonObject body,
      @Context SecurityContext security) {
    return move(budgetId, VoteJson.move(body, true), security);
  }

  private JsonObject move(String budgetId, VoteJson.Move move, SecurityContext security) {
    BudgetId budget = BudgetId.of(budgetId);
    VoteSettings moved =
        voting
            .reschedule(
                Caller.of(security),
                budget,
                move.closesAt(),
                move.deskEncodingUntil(),
                move.reason())
            .orElseThrow();
    return VoteJson.toJson(moved, voting.changes(budget).orElseThrow());
  }

  /**
   * How many participants voted, per channel.
   *
   * @param budgetId the budget
   * @param security the caller
   * @return {@code {"budgetId": ..., "total": n, "byChannel": {"online": n, ...}}}
   */
  @GET
  @Path("turnout")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    PolityRole.Names.STAFF,
    PolityRole.Names.MODERATOR,
    PolityRole.Names.ADMINISTRATOR
  })
  @Operation(summary = "Turnout of a budget's vote (staff)")
  public JsonObject turnout(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @Context SecurityContext security) {
    BudgetId budget = BudgetId.of(budgetId);
    Turnout turnout = voting.turnout(Caller.of(security), budget).orElseThrow();
    return VotingAnswers.turnout(budget, turnout);
  }

  /**
   * The counted ballots with their receipt hashes, ordered by hash: what anyone may recount. Only
   * after the vote closed, so that no running tally is published.
   *
   * @param budgetId the budget
   * @return {@code {"budgetId": ..., "ballots": [{"receiptHash": ..., "ballot": {...}}]}}
   */
  @GET
  @Path("counted-ballots")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "The anonymous counted ballots of a closed vote")
  public JsonObject countedBallots(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId) {
    BudgetId budget = BudgetId.of(budgetId);
    return VotingAnswers.countedBallots(budget, voting.countedBallots(budget).orElseThrow());
  }

  /**
   * Seals a finished vote: nobody can link a ballot to its participant any more.
   *
   * @param budgetId the budget
   * @param security the administrator
   * @return 204; 409 while paper encoding is not over or encodings are pending
   */
  @POST
  @Path("vote/seal")
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Seal a finished vote (administrators)")
  public Response seal(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @Context SecurityContext security) {
    voting.seal(Caller.of(security), BudgetId.of(budgetId)).orElseThrow();
    return Response.noContent().build();
  }
}
