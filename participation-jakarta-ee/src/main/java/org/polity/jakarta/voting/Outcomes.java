package org.polity.jakarta.voting;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.problem.RefusalException;
import org.polity.voting.BallotBox;
import org.polity.voting.CastOutcome;
import org.polity.voting.ReceiptCode;

/** Turns the ballot box's outcomes into HTTP answers, in one place. */
final class Outcomes {

  private Outcomes() {}

  /** 404 unless a vote is declared on the budget. */
  static void requireVote(BallotBox box, BudgetId budget) {
    if (box.settings(budget).isEmpty()) {
      throw new NotFoundException("No vote is declared on budget " + budget + ".");
    }
  }

  /**
   * The answer to a cast, confirmation or discard.
   *
   * <ul>
   *   <li>accepted or confirmed: 201 with the receipt code (shown once, never stored);
   *   <li>replaced: 200 with the new receipt code;
   *   <li>awaiting a second encoder: 202 with the pending encoding's id;
   *   <li>discarded: 200;
   *   <li>refusals: 409 with a stable problem type ({@code already-voted}, {@code vote-not-open},
   *       {@code vote-closed}, {@code encoding-in-progress}, {@code encoding-mismatch}, {@code
   *       same-encoder}); an unknown pending encoding: 404.
   * </ul>
   */
  static Response toResponse(CastOutcome outcome, BudgetId budget, UriInfo uri) {
    if (outcome instanceof CastOutcome.Accepted accepted) {
      return receipt(Response.status(201), budget, accepted.receipt(), false, uri);
    }
    if (outcome instanceof CastOutcome.Replaced replaced) {
      return receipt(Response.ok(), budget, replaced.receipt(), true, uri);
    }
    if (outcome instanceof CastOutcome.Confirmed confirmed) {
      return receipt(
          Response.status(201), budget, confirmed.receipt(), confirmed.replacedPrevious(), uri);
    }
    if (outcome instanceof CastOutcome.AwaitingSecondEncoder awaiting) {
      return Response.accepted(
              BallotJson.PROVIDER
                  .createObjectBuilder()
                  .add("budgetId", budget.value())
                  .add("pendingEncoding", awaiting.pending().value())
                  .add("status", "awaiting-second-encoder")
                  .build())
          .build();
    }
    if (outcome instanceof CastOutcome.Discarded discarded) {
      return Response.ok(
              BallotJson.PROVIDER
                  .createObjectBuilder()
                  .add("pendingEncoding", discarded.pending().value())
                  .add("status", "discarded")
                  .build())
          .build();
    }
    if (outcome instanceof CastOutcome.AlreadyVoted already) {
      throw new RefusalException(
          "already-voted",
          409,
          "A ballot of this participant is already"
              + " counted in budget "
              + budget
              + " ("
              + already.channel().name().toLowerCase()
              + "), and it cannot be replaced now.");
    }
    if (outcome instanceof CastOutcome.NotOpen notOpen) {
      throw new RefusalException(
          "vote-not-open",
          409,
          "The vote on budget " + budget + " opens at " + notOpen.opensAt() + ".");
    }
    if (outcome instanceof CastOutcome.Closed closed) {
      throw new RefusalException(
          "vote-closed",
          409,
          "The vote on budget " + budget + " closed at " + closed.closedAt() + ".");
    }
    if (outcome instanceof CastOutcome.EncodingInProgress) {
      throw new RefusalException(
          "encoding-in-progress",
          409,
          "A paper ballot of this participant"
              + " waits for a second encoder: it must be confirmed or discarded first.");
    }
    if (outcome instanceof CastOutcome.EncodingMismatch mismatch) {
      throw new RefusalException(
          "encoding-mismatch",
          409,
          "The two encodings of paper ballot "
              + mismatch.pending()
              + " differ: check the paper ballot, then confirm or discard.");
    }
    if (outcome instanceof CastOutcome.SameEncoder same) {
      throw new RefusalException(
          "same-encoder",
          409,
          "A paper ballot must be confirmed by a"
              + " second staff member, not by its first encoder "
              + same.encoder()
              + ".");
    }
    if (outcome instanceof CastOutcome.UnknownEncoding unknown) {
      throw new NotFoundException("No pending paper ballot " + unknown.pending() + ".");
    }
    throw new IllegalStateException("Unmapped ballot-box outcome " + outcome);
  }

  /**
   * Where the receipt can be checked. Built as a string, not with a {@code UriBuilder} (a template
   * parse per ballot): a budget id has only URI-safe characters ({@link ApiIds#ID}) and a receipt
   * code letters, digits and dashes.
   */
  static java.net.URI receiptLocation(UriInfo uri, BudgetId budget, ReceiptCode receipt) {
    String base = uri.getBaseUri().toString();
    return java.net.URI.create(
        base
            + (base.endsWith("/") ? "" : "/")
            + "api/v1/budgets/"
            + budget.value()
            + "/receipts/"
            + receipt.grouped());
  }

  private static Response receipt(
      Response.ResponseBuilder response,
      BudgetId budget,
      ReceiptCode receipt,
      boolean replaced,
      UriInfo uri) {
    JsonObjectBuilder body =
        BallotJson.PROVIDER
            .createObjectBuilder()
            .add("budgetId", budget.value())
            .add("receipt", receipt.grouped())
            .add("replaced", replaced);
    return response.location(receiptLocation(uri, budget, receipt)).entity(body.build()).build();
  }
}
