package org.polity.jakarta.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.voting.JpaBallotBox;
import org.polity.jakarta.voting.ReceiptCheck;

/** Receipts: anyone holding a receipt code can check that its ballot counts. */
@Path("api/v1/receipts")
@RequestScoped
@Tag(name = "Ballots")
public class ReceiptResource {

  @Inject JpaBallotBox ballotBox;

  /** Creates the resource; CDI calls it. */
  public ReceiptResource() {}

  /**
   * Verifies a receipt.
   *
   * @param code the receipt code, such as {@code 7K3M-Q9TX-2B8D-HW4P}
   * @return the budget, the ballot kind and the SHA-256 of the counted ballot
   */
  @GET
  @Path("{code}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(summary = "Verify a ballot receipt")
  public JsonObject verify(
      @PathParam("code")
      @Pattern(regexp = "[0-9A-Za-z]{4}(-[0-9A-Za-z]{4}){3}",
          message = "must look like XXXX-XXXX-XXXX-XXXX") String code) {
    ReceiptCheck check = ballotBox.verify(code).orElseThrow(() -> new NotFoundException(
        "No counted ballot has this receipt code (never issued, or replaced by a later ballot)."));
    return Json.createObjectBuilder()
        .add("receipt", check.receiptCode())
        .add("budgetId", check.budget().value())
        .add("kind", check.kind())
        .add("status", "counted")
        .add("contentsSha256", check.contentsDigest())
        .build();
  }
}
