package org.polity.jakarta.voting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.BallotBox;
import org.polity.voting.CastOutcome;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.PendingEncodingId;
import org.polity.voting.StaffId;

/**
 * Paper ballots encoded by staff at a desk, on a resident's behalf; when the vote requires it, a
 * second staff member confirms each encoding.
 */
@Path("api/v1/budgets/{budgetId}/paper-ballots")
@RequestScoped
@Tag(name = "Paper ballots")
public class PaperBallotResource {

  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;

  /** Creates the resource; CDI calls it. */
  public PaperBallotResource() {}

  /**
   * Encodes a paper ballot: {@code {"identifier": "<the resident's identifier>", "ballot": {...}}}.
   *
   * @param budgetId the budget
   * @param body the identifier and the ballot
   * @param security the encoder
   * @param uri the request address
   * @return 201 (counted), 202 (awaiting a second encoder) or a 409 refusal
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Encode a paper ballot (encoders)")
  public Response encode(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      JsonObject body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    BudgetId budget = BudgetId.of(budgetId);
    if (body == null) {
      throw InvalidInputException.of("body", "Send {\"identifier\": ..., \"ballot\": {...}}.");
    }
    List<FieldError> errors = new ArrayList<>();
    body.keySet().stream()
        .filter(k -> !Set.of("identifier", "ballot").contains(k))
        .sorted()
        .forEach(k -> errors.add(new FieldError(k, "Unknown field: use identifier and ballot.")));
    JsonValue identifier = body.get("identifier");
    if (!(identifier instanceof JsonString id) || id.getString().isBlank()) {
      errors.add(new FieldError("identifier", "Give the resident's identifier (a string)."));
    }
    JsonValue ballotJson = body.get("ballot");
    if (!(ballotJson instanceof JsonObject)) {
      errors.add(new FieldError("ballot", "Give the ballot as an object."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Ballot ballot;
    try {
      ballot = BallotJson.fromJson((JsonObject) ballotJson);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          e.errors().stream()
              .map(f -> new FieldError("ballot." + f.field(), f.message()))
              .toList());
    }
    var participant = key(((JsonString) identifier).getString());
    Outcomes.requireVote(ballotBox, budget);
    CastOutcome outcome =
        ballotBox.cast(
            new CastRequest(
                budget,
                participant,
                ballot,
                Channel.desk(StaffId.of(security.getUserPrincipal().getName()))));
    return Outcomes.toResponse(outcome, budget, uri);
  }

  /**
   * A second encoder confirms a pending paper ballot by encoding it again.
   *
   * @param budgetId the budget
   * @param pendingId the pending encoding
   * @param body the ballot as the second encoder reads it
   * @param security the second encoder
   * @param uri the request address
   * @return 201 when counted; 409 when the encodings differ or the encoder is the same
   */
  @POST
  @Path("{pendingId}/confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Confirm a pending paper ballot (a second encoder)")
  public Response confirm(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      @PathParam("pendingId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String pendingId,
      JsonObject body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    Ballot ballot = BallotJson.fromJson(body);
    CastOutcome outcome =
        ballotBox.confirm(
            new PendingEncodingId(pendingId),
            StaffId.of(security.getUserPrincipal().getName()),
            ballot);
    return Outcomes.toResponse(outcome, BudgetId.of(budgetId), uri);
  }

  /**
   * Discards a pending paper ballot (an encoding error); the resident may vote again.
   *
   * @param budgetId the budget
   * @param pendingId the pending encoding
   * @param security the staff member
   * @param uri the request address
   * @return 200, or 404 when no such encoding is pending
   */
  @DELETE
  @Path("{pendingId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Discard a pending paper ballot (encoders)")
  public Response discard(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      @PathParam("pendingId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String pendingId,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    CastOutcome outcome =
        ballotBox.discard(
            new PendingEncodingId(pendingId), StaffId.of(security.getUserPrincipal().getName()));
    return Outcomes.toResponse(outcome, BudgetId.of(budgetId), uri);
  }

  private org.polity.identity.ParticipantKey key(String identifier) {
    try {
      return keyer.key(identifier);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("identifier", e.getMessage());
    }
  }
}
