package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.jakarta.voting.VotingService;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.ReceiptCode;

/**
 * Anyone who holds a receipt checks that the ballot it was given for is in the count, without
 * learning or showing what the ballot says.
 */
@Path("receipts")
@RequestScoped
@Tag(name = "Portal")
public class ReceiptPage {

  @Inject Pages pages;
  @Inject VotingService voting;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the page; CDI calls it. */
  public ReceiptPage() {}

  /**
   * Checks a receipt: whether the ballot it was given for is in the count.
   *
   * @param budget the budget, or none to show the form
   * @param code the receipt code, or none
   * @return the form, with the answer when both are given
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Checks a receipt (HTML)")
  public Response receipt(@QueryParam("budget") String budget, @QueryParam("code") String code) {
    Page page = pages.page(headers, uri, security);
    String shownBudget = budget == null ? "" : budget.strip();
    String shownCode = code == null ? "" : code.strip();
    Optional<String> answer = Optional.empty();
    boolean counted = false;
    int status = 200;
    if (!shownBudget.isEmpty() && !shownCode.isEmpty()) {
      Optional<BudgetId> id = Ids.budget(shownBudget);
      Optional<ReceiptCode> receipt = receiptCode(shownCode);
      if (id.isEmpty() || receipt.isEmpty()) {
        answer = Optional.of(page.t("receipt.malformed"));
        status = 422;
      } else {
        var check = voting.checkReceipt(id.get(), receipt.get());
        if (check.refusal().isPresent()) {
          answer = Optional.of(check.refusal().get().detail(page.language()));
          status = check.refusal().get().kind().status();
        } else {
          counted = check.orElseThrow() instanceof ReceiptCheck.Counted;
          answer = Optional.of(page.t(counted ? "receipt.counted" : "receipt.not-counted"));
        }
      }
    }
    return pages.status(
        status,
        "receipts.jte",
        page,
        "budget",
        shownBudget,
        "code",
        shownCode,
        "answer",
        answer,
        "counted",
        counted);
  }

  private static Optional<ReceiptCode> receiptCode(String value) {
    try {
      return Optional.of(ReceiptCode.parse(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
