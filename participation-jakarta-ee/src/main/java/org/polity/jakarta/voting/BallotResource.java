package org.polity.jakarta.voting;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.CastOutcome;
import org.polity.voting.Channel;
import org.polity.voting.ParticipationStatus;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.ReceiptCode;

/**
 * A participant's ballot on a budget: cast or change it, see whether one has voted, and check a
 * receipt. Each method translates the request to one {@link VotingService} call and its result to
 * the answer ({@link VotingAnswers}).
 *
 * <p>One instance serves every request ({@code @ApplicationScoped}; it keeps no per-request state,
 * the request's values come as method parameters): casting is the hot path of a vote (issue 5), and
 * a request-scoped resource cost a bean creation and injection per ballot.
 */
@Path("api/v1/budgets/{budgetId}")
@ApplicationScoped
@Tag(name = "Ballots")
public class BallotResource {

  private static final java.util.regex.Pattern BUDGET_ID =
      java.util.regex.Pattern.compile(ApiIds.ID);

  @Inject VotingService voting;

  /** Creates the resource; CDI calls it. */
  public BallotResource() {}

  /**
   * Casts the current participant's ballot, or replaces it while the vote allows changes. Answers
   * only after the ballot is committed.
   *
   * @param budgetId the budget
   * @param body the ballot ({@link BallotJson})
   * @param security the caller
   * @param headers the request (the language of an eligibility refusal)
   * @param uri the request address
   * @return 201 with the receipt code for a first ballot, 200 for a replacement; 409 refusals; 403
   *     or 422 with reasons and remedies when the process's VOTE rules refuse the caller
   */
  @POST
  @Path("ballots")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Cast or change my ballot for a budget")
  public Response cast(
      // Checked here rather than by Bean Validation: the hot path of a vote (issue 5), where
      // validating the parameters cost about 5% of the server's time per ballot.
      @PathParam("budgetId")
          @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = ApiIds.ID))
          String budgetId,
      JsonObject body,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    if (!BUDGET_ID.matcher(budgetId).matches()) {
      throw InvalidInputException.of(
          "budgetId", org.polity.jakarta.http.FieldErrors.text("field.id", "budgetId"));
    }
    BudgetId budget = BudgetId.of(budgetId);
    Ballot ballot = BallotJson.fromJson(body);
    Result<CastOutcome> outcome =
        voting.cast(Caller.of(security), budget, ballot, Channel.online(), Languages.of(headers));
    return VotingAnswers.cast(outcome, budget, uri, headers);
  }

  /**
   * Whether the current participant has a counted ballot in this budget.
   *
   * @param budgetId the budget
   * @param security the caller
   * @return {@code {"budgetId": ..., "status": "not-voted" | "voted" | "awaiting-second-encoder",
   *     "channel": ...}}
   */
  @GET
  @Path("participation")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Whether I have voted in a budget")
  public JsonObject participation(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @Context SecurityContext security) {
    BudgetId budget = BudgetId.of(budgetId);
    ParticipationStatus status =
        VotingAnswers.value(voting.participation(Caller.of(security), budget), null);
    return VotingAnswers.participation(budget, status);
  }

  /**
   * Checks a receipt: whether the ballot it was given for is counted, and as what.
   *
   * @param budgetId the budget
   * @param code the receipt code as the voter has it, such as {@code 7K3M-Q9PX-2RTV-8HNA-C4WE}
   * @return {@code {"status": "counted", "ballot": {...}}} or {@code {"status": "not-counted"}}
   */
  @GET
  @Path("receipts/{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "Check a ballot receipt")
  @org.polity.jakarta.http.RateLimited(
      setting = VotingCapability.RECEIPT_CHECKS_PER_MINUTE,
      perMinute = VotingCapability.DEFAULT_RECEIPT_CHECKS_PER_MINUTE)
  public JsonObject receipt(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @PathParam("code")
          @Pattern(
              regexp = "[0-9A-Za-z]{4}(-?[0-9A-Za-z]{4}){4}",
              message = "{polity.receipt-code}")
          String code) {
    BudgetId budget = BudgetId.of(budgetId);
    ReceiptCode receipt;
    try {
      receipt = ReceiptCode.parse(code);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(
          "code", org.polity.jakarta.http.FieldErrors.text("field.receipt-code"));
    }
    ReceiptCheck check = VotingAnswers.value(voting.checkReceipt(budget, receipt), null);
    return VotingAnswers.receiptCheck(budget, receipt, check, voting.receiptShowsBallot());
  }
}
