package org.polity.jakarta.voting;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.problem.RefusalException;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.BallotBox;
import org.polity.voting.CountedBallot;
import org.polity.voting.Turnout;
import org.polity.voting.VoteSettings;

/** The vote on a budget: declare it, read its settings, turnout, the counted ballots, seal it. */
@Path("api/v1/budgets/{budgetId}")
@RequestScoped
@Tag(name = "Votes")
public class VoteResource {

  @Inject BallotBox ballotBox;

  /** Creates the resource; CDI calls it. */
  public VoteResource() {}

  /**
   * Declares the vote on a budget. Declaring the same settings again changes nothing.
   *
   * @param budgetId the budget
   * @param body the settings ({@link VoteJson})
   * @return 200 with the settings; 409 if the vote was declared with other settings
   */
  @PUT
  @Path("vote")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Declare the vote on a budget (administrators)")
  public JsonObject open(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      JsonObject body) {
    VoteSettings settings = VoteJson.fromJson(BudgetId.of(budgetId), body);
    try {
      ballotBox.open(settings);
    } catch (IllegalStateException e) {
      throw new RefusalException("vote-already-declared", 409, e.getMessage());
    }
    return VoteJson.toJson(settings);
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
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId) {
    return ballotBox
        .settings(BudgetId.of(budgetId))
        .map(VoteJson::toJson)
        .orElseThrow(
            () -> new NotFoundException("No vote is declared on budget " + budgetId + "."));
  }

  /**
   * How many participants voted, per channel.
   *
   * @param budgetId the budget
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
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId) {
    BudgetId budget = BudgetId.of(budgetId);
    Outcomes.requireVote(ballotBox, budget);
    Turnout turnout = ballotBox.turnout(budget);
    JsonObjectBuilder channels = Jsonp.JSON.createObjectBuilder();
    turnout.byChannel().forEach((kind, count) -> channels.add(kind.name().toLowerCase(), count));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("budgetId", budgetId)
        .add("total", turnout.total())
        .add("byChannel", channels)
        .build();
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
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId) {
    BudgetId budget = BudgetId.of(budgetId);
    VoteSettings settings =
        ballotBox
            .settings(budget)
            .orElseThrow(
                () -> new NotFoundException("No vote is declared on budget " + budgetId + "."));
    if (Instant.now().isBefore(settings.deskEncodingUntil())) {
      throw new RefusalException(
          "vote-not-finished",
          409,
          "The ballots of budget "
              + budgetId
              + " are published once paper encoding ends, at "
              + settings.deskEncodingUntil()
              + ".");
    }
    JsonArrayBuilder ballots = Jsonp.JSON.createArrayBuilder();
    for (CountedBallot counted : ballotBox.countedBallots(budget)) {
      ballots.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("receiptHash", counted.receipt().hex())
              .add("ballot", BallotJson.toJson(counted.ballot())));
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("budgetId", budgetId)
        .add("ballots", ballots)
        .build();
  }

  /**
   * Seals a finished vote: nobody can link a ballot to its participant any more.
   *
   * @param budgetId the budget
   * @return 204; 409 while paper encoding is not over or encodings are pending
   */
  @POST
  @Path("vote/seal")
  @RolesAllowed(PolityRole.Names.ADMINISTRATOR)
  @Operation(summary = "Seal a finished vote (administrators)")
  public Response seal(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId) {
    BudgetId budget = BudgetId.of(budgetId);
    Outcomes.requireVote(ballotBox, budget);
    try {
      ballotBox.seal(budget);
    } catch (IllegalStateException e) {
      throw new RefusalException("vote-not-sealable", 409, e.getMessage());
    }
    return Response.noContent().build();
  }
}
