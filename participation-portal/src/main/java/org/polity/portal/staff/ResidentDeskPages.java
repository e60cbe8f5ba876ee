package org.polity.portal.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.security.Caller;
import org.polity.portal.account.Account;
import org.polity.portal.account.AccountService;
import org.polity.portal.account.Verification;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * The desk finds a resident's account and records what staff checked once (the document, the birth
 * date, the address): from then on the resident's online acts carry that evidence, verified at the
 * desk, and the resident sees it on their account page.
 */
@Path("desk/residents")
@RequestScoped
@Tag(name = "Portal")
public class ResidentDeskPages {

  @Inject Pages pages;
  @Inject AccountService accounts;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public ResidentDeskPages() {}

  /**
   * Finds a resident by e-mail.
   *
   * @param email the e-mail, or none for the empty form
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Find a resident at the desk (HTML)")
  public Response find(@QueryParam("email") String email) {
    return show(email == null ? "" : email.strip(), List.of(), Optional.empty(), 200);
  }

  /**
   * Records what was checked about a resident.
   *
   * @param id the account's id
   * @param email the e-mail searched (to show the account again)
   * @param document the document shown
   * @param birthDate the birth date read on it, or ""
   * @param municipality the municipality code of the address, or ""
   * @param postalCode the postal code of the address, or ""
   * @return the page with the verification recorded
   */
  @POST
  @Path("{id}/verification")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Records a resident's verification at the desk (HTML form)")
  public Response verify(
      @PathParam("id") String id,
      @FormParam("email") String email,
      @FormParam("document") String document,
      @FormParam("birthDate") String birthDate,
      @FormParam("municipality") String municipality,
      @FormParam("postalCode") String postalCode) {
    Page page = pages.page(headers, uri, security);
    String searched = email == null ? "" : email.strip();
    Verification.Evidence evidence;
    try {
      evidence =
          new Verification.Evidence(
              birthDate == null || birthDate.isBlank()
                  ? Optional.empty()
                  : Optional.of(LocalDate.parse(birthDate.strip())),
              blank(municipality),
              blank(postalCode),
              DeskAttestation.Document.valueOf(document == null ? "NONE" : document.strip()));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return show(searched, List.of(page.t("desk.bad-attestation")), Optional.empty(), 422);
    }
    var verified = accounts.verify(Caller.of(security), id, evidence);
    if (verified.refusal().isPresent()) {
      return show(
          searched,
          List.of(verified.refusal().get().detail(page.language())),
          Optional.empty(),
          verified.refusal().get().kind().status());
    }
    return show(searched, List.of(), Optional.of(page.t("desk.resident.verified")), 200);
  }

  private Response show(String email, List<String> errors, Optional<String> done, int status) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Account> found = Optional.empty();
    List<String> all = new ArrayList<>(errors);
    if (!email.isEmpty()) {
      var result = accounts.find(Caller.of(security), email);
      if (result.refusal().isPresent()) {
        return pages.refused(page, result.refusal().get());
      }
      found = result.orElseThrow();
      if (found.isEmpty() && all.isEmpty()) {
        all.add(page.t("desk.resident.none", email));
      }
    }
    List<String> documents = new ArrayList<>();
    for (DeskAttestation.Document document : DeskAttestation.Document.values()) {
      documents.add(document.name());
    }
    return pages.status(
        status,
        "staff/residents.jte",
        page,
        "email",
        email,
        "resident",
        found,
        "documents",
        documents,
        "errors",
        all,
        "done",
        done);
  }

  private static Optional<String> blank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
