package org.polity.jakarta.voting;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.voting.CastOutcome;
import org.polity.voting.CountedBallot;
import org.polity.voting.ParticipationStatus;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.ReceiptCode;
import org.polity.voting.Turnout;

/**
 * The one place where the voting service's results become HTTP answers: the bodies, statuses and
 * {@code Location} of receipts, and refusals handed to {@code ProblemMappers} as {@link
 * org.polity.jakarta.problem.RefusedException}s (answered in the reader's language).
 */
final class VotingAnswers {

  private VotingAnswers() {}

  /**
   * The value of a result, or the refusal thrown for {@code ProblemMappers}; an invalid-input
   * refusal that names a {@code field} is answered as a 400 naming that field.
   *
   * @param result the service's result
   * @param headers the request (unused: {@code ProblemMappers} writes the field's text in the
   *     reader's language)
   * @return the value
   */
  static <T> T value(Result<T> result, HttpHeaders headers) {
    if (result instanceof Result.Ok<T> ok) {
      return ok.value();
    }
    Refusal refusal = result.refusal().orElseThrow();
    if (refusal.kind() == Refusal.Kind.INVALID && refusal.extensions().containsKey("field")) {
      throw new InvalidInputException(
          List.of(new FieldError(refusal.extensions().getString("field"), refusal.detail())));
    }
    throw refusal.toException();
  }

  /**
   * The answer to a cast, an encoding, a confirmation or a discard.
   *
   * <ul>
   *   <li>accepted or confirmed: 201 with the receipt code (shown once, never stored) and its
   *       {@code Location};
   *   <li>replaced: 200 with the new receipt code;
   *   <li>awaiting a second encoder: 202 with the pending encoding's id;
   *   <li>discarded: 200;
   *   <li>refusals: 409 with a stable problem type ({@code already-voted}, {@code vote-not-open},
   *       {@code vote-closed}, {@code encoding-in-progress}, {@code encoding-mismatch}, {@code
   *       same-encoder}); no vote or no such pending encoding: 404.
   * </ul>
   *
   * @param result the service's result
   * @param budget the budget
   * @param uri the request address
   * @param headers the request
   * @return the response
   */
  static Response cast(
      Result<CastOutcome> result, BudgetId budget, UriInfo uri, HttpHeaders headers) {
    CastOutcome outcome = value(result, headers);
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
    throw new IllegalStateException("Unmapped ballot-box outcome " + outcome);
  }

  /**
   * {@code {"budgetId": ..., "status": "not-voted" | "voted" | "awaiting-second-encoder",
   * "channel": ...}}.
   */
  static JsonObject participation(BudgetId budget, ParticipationStatus status) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder().add("budgetId", budget.value());
    if (status instanceof ParticipationStatus.Voted voted) {
      json.add("status", "voted").add("channel", voted.channel().name().toLowerCase());
    } else if (status instanceof ParticipationStatus.AwaitingSecondEncoder) {
      json.add("status", "awaiting-second-encoder");
    } else {
      json.add("status", "not-voted");
    }
    return json.build();
  }

  /**
   * {@code {"budgetId": ..., "receiptHash": ..., "status": "counted"}}: that the ballot is counted,
   * and the fingerprint under which it appears in the published ballots; its contents ({@code
   * "ballot": {...}}) only when {@code polity.voting.receipt-shows-ballot} is true, since a receipt
   * that shows the ballot lets a voter prove their vote to a buyer (issue 13).
   */
  static JsonObject receiptCheck(
      BudgetId budget, ReceiptCode receipt, ReceiptCheck check, boolean showBallot) {
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("budgetId", budget.value())
            .add("receiptHash", receipt.hash().hex());
    if (check instanceof ReceiptCheck.Counted counted) {
      json.add("status", "counted");
      if (showBallot) {
        json.add("ballot", BallotJson.toJson(counted.ballot()));
      }
    } else {
      json.add("status", "not-counted");
    }
    return json.build();
  }

  /** {@code {"budgetId": ..., "total": n, "byChannel": {"online": n, ...}}}. */
  static JsonObject turnout(BudgetId budget, Turnout turnout) {
    JsonObjectBuilder channels = Jsonp.JSON.createObjectBuilder();
    turnout.byChannel().forEach((kind, count) -> channels.add(kind.name().toLowerCase(), count));
    return Jsonp.JSON
        .createObjectBuilder()
        .add("budgetId", budget.value())
        .add("total", turnout.total())
        .add("byChannel", channels)
        .build();
  }

  /** {@code {"budgetId": ..., "ballots": [{"receiptHash": ..., "ballot": {...}}]}}. */
  static JsonObject countedBallots(BudgetId budget, List<CountedBallot> counted) {
    JsonArrayBuilder ballots = Jsonp.JSON.createArrayBuilder();
    for (CountedBallot ballot : counted) {
      ballots.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("receiptHash", ballot.receipt().hex())
              .add("ballot", BallotJson.toJson(ballot.ballot())));
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("budgetId", budget.value())
        .add("ballots", ballots)
        .build();
  }

  /**
   * Where the receipt can be checked. Built as a string, not with a {@code UriBuilder} (a template
   * parse per ballot): a budget id has only URI-safe characters and a receipt code letters, digits
   * and dashes.
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
