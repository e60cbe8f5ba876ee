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
import jakarta.ws.rs.core.HttpHeaders;
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
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.DeskAttestationJson;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.CastOutcome;
import org.polity.voting.PendingEncodingId;

/**
 * Paper ballots encoded by staff at a desk, on a resident's behalf; when the vote requires it, a
 * second staff member confirms each encoding. Each method translates the request to one {@link
 * VotingService} call and its result to the answer ({@link VotingAnswers}).
 */
@Path("api/v1/budgets/{budgetId}/paper-ballots")
@RequestScoped
@Tag(name = "Paper ballots")
public class PaperBallotResource {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(PaperBallotResource.class);

  @Inject VotingService voting;

  /** Creates the resource; CDI calls it. */
  public PaperBallotResource() {}

  /**
   * Encodes a paper ballot: {@code {"identifier": "<the resident's identifier>", "ballot": {...},
   * "attestation": {...}}}, the attestation saying what the encoder checked ({@link
   * PaperBallot#attestation}); the budget's eligibility rule is applied to it.
   *
   * @param budgetId the budget
   * @param body the identifier and the ballot
   * @param security the encoder
   * @param headers the request (the reader's language)
   * @param uri the request address
   * @return 201 (counted), 202 (awaiting a second encoder) or a 409 refusal
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Encode a paper ballot (encoders)")
  public Response encode(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    BudgetId budget = BudgetId.of(budgetId);
    PaperBallot paper = PaperBallot.fromJson(body);
    Result<CastOutcome> outcome =
        voting.encode(
            Caller.of(security),
            budget,
            paper.identifier(),
            paper.ballot(),
            paper.attestation(),
            Languages.of(headers));
    return VotingAnswers.cast(outcome, budget, uri, headers);
  }

  /**
   * A second encoder confirms a pending paper ballot by encoding it again.
   *
   * @param budgetId the budget
   * @param pendingId the pending encoding
   * @param body the ballot as the second encoder reads it
   * @param security the second encoder
   * @param headers the request (the reader's language)
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
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @PathParam("pendingId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String pendingId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    Ballot ballot = BallotJson.fromJson(body);
    BudgetId budget = BudgetId.of(budgetId);
    Result<CastOutcome> outcome =
        voting.confirm(Caller.of(security), budget, new PendingEncodingId(pendingId), ballot);
    return VotingAnswers.cast(outcome, budget, uri, headers);
  }

  /**
   * Discards a pending paper ballot (an encoding error); the resident may vote again.
   *
   * @param budgetId the budget
   * @param pendingId the pending encoding
   * @param security the staff member
   * @param headers the request (the reader's language)
   * @param uri the request address
   * @return 200, or 404 when no such encoding is pending
   */
  @DELETE
  @Path("{pendingId}")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.ENCODER)
  @Operation(summary = "Discard a pending paper ballot (encoders)")
  public Response discard(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @PathParam("pendingId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String pendingId,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    BudgetId budget = BudgetId.of(budgetId);
    Result<CastOutcome> outcome =
        voting.discard(Caller.of(security), budget, new PendingEncodingId(pendingId));
    return VotingAnswers.cast(outcome, budget, uri, headers);
  }

  /**
   * The body of an encoding, checked: {@code {"identifier": "...", "ballot": {...}, "attestation":
   * {"document": "identity-card", "birthDate": "2012-03-04" | "ageBand": {"from": 16, "to": 25},
   * "address": {"municipalityCode": "21004", "postalCode": "1000", "point": [4.35, 50.85]}}}}.
   * Without an attestation nothing was checked ({@link DeskAttestation#nothing()}).
   *
   * @param identifier the resident's identifier, not blank
   * @param ballot the ballot
   * @param attestation what the encoder checked
   */
  record PaperBallot(String identifier, Ballot ballot, DeskAttestation attestation) {

    private static final Set<String> FIELDS = Set.of("identifier", "ballot", "attestation");

    /** Reads the body; every problem is reported with its field. */
    static PaperBallot fromJson(JsonObject body) {
      if (body == null) {
        throw InvalidInputException.of("body", TEXTS.text("paper.field.body"));
      }
      List<FieldError> errors = new ArrayList<>();
      body.keySet().stream()
          .filter(k -> !FIELDS.contains(k))
          .sorted()
          .forEach(
              k ->
                  errors.add(
                      new FieldError(
                          k,
                          org.polity.jakarta.http.FieldErrors.text(
                              "field.unknown-member", "attestation, ballot, identifier"))));
      JsonValue identifier = body.get("identifier");
      if (!(identifier instanceof JsonString id) || id.getString().isBlank()) {
        errors.add(new FieldError("identifier", TEXTS.text("paper.field.identifier")));
      }
      Ballot ballot = null;
      JsonValue ballotJson = body.get("ballot");
      if (!(ballotJson instanceof JsonObject ballotObject)) {
        errors.add(new FieldError("ballot", TEXTS.text("paper.field.ballot")));
      } else {
        try {
          ballot = BallotJson.fromJson(ballotObject);
        } catch (InvalidInputException e) {
          e.errors().stream()
              .map(f -> new FieldError("ballot." + f.field(), f.text()))
              .forEach(errors::add);
        }
      }
      DeskAttestation attestation = attestation(body.get("attestation"), errors);
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
      return new PaperBallot(((JsonString) identifier).getString(), ballot, attestation);
    }

    private static DeskAttestation attestation(JsonValue value, List<FieldError> errors) {
      return DeskAttestationJson.read(value, errors);
    }
  }
}
