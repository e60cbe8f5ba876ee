package org.polity.jakarta.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.jakarta.problem.RefusalException;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.voting.BallotJson;
import org.polity.jakarta.voting.CastOutcome;
import org.polity.jakarta.voting.JpaBallotBox;
import org.polity.jakarta.voting.ParticipantKeys;

/** Ballots of a budget: cast or change one's own ballot, and see whether one has voted. */
@Path("api/v1/budgets/{budgetId}")
@RequestScoped
@Tag(name = "Ballots")
public class BallotResource {

  @Inject JpaBallotBox ballotBox;
  @Inject ParticipantKeys keys;

  /** Creates the resource; CDI calls it. */
  public BallotResource() {}

  /**
   * Casts the current participant's ballot, or replaces it while changes are allowed. Answers
   * only after the ballot is committed.
   *
   * @param budgetId the budget
   * @param body the ballot ({@link BallotJson})
   * @param security the caller
   * @param uri the request address
   * @return 201 with the receipt for a first ballot, 200 for a replacement
   */
  @POST
  @Path("ballots")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Cast or change my ballot for a budget")
  public Response cast(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE) String budgetId,
      JsonObject body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    Ballot ballot = BallotJson.fromJson(body);
    String participantKey = keys.participantKey(security.getUserPrincipal().getName());
    CastOutcome outcome =
        ballotBox.cast(participantKey, BudgetId.of(budgetId), ballot, JpaBallotBox.Channel.ONLINE);
    if (outcome instanceof CastOutcome.Refused refused) {
      throw new RefusalException(refused.code(), 409, refused.message());
    }
    CastOutcome.Accepted accepted = (CastOutcome.Accepted) outcome;
    JsonObject receipt = Json.createObjectBuilder()
        .add("budgetId", budgetId)
        .add("receipt", accepted.receiptCode())
        .add("replaced", accepted.replaced())
        .build();
    var location = uri.getBaseUriBuilder().path("api/v1/receipts/{code}").build(accepted.receiptCode());
    return (accepted.replaced() ? Response.ok(receipt).location(location)
        : Response.created(location).entity(receipt)).build();
  }

  /**
   * Whether the current participant has a counted ballot in this budget.
   *
   * @param budgetId the budget
   * @param security the caller
   * @return {@code {"budgetId": ..., "voted": true|false}}
   */
  @GET
  @Path("participation")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Whether I have voted in a budget")
  public JsonObject participation(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE) String budgetId,
      @Context SecurityContext security) {
    String participantKey = keys.participantKey(security.getUserPrincipal().getName());
    return Json.createObjectBuilder()
        .add("budgetId", budgetId)
        .add("voted", ballotBox.hasVoted(participantKey, BudgetId.of(budgetId)))
        .build();
  }

  /**
   * How many participants have a counted ballot in this budget.
   *
   * @param budgetId the budget
   * @return {@code {"budgetId": ..., "participants": n}}
   */
  @GET
  @Path("turnout")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({PolityRole.Names.STAFF, PolityRole.Names.MODERATOR,
      PolityRole.Names.ADMINISTRATOR})
  @Operation(summary = "Turnout of a budget (staff)")
  public JsonObject turnout(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE) String budgetId) {
    return Json.createObjectBuilder()
        .add("budgetId", budgetId)
        .add("participants", ballotBox.turnout(BudgetId.of(budgetId)))
        .build();
  }
}
