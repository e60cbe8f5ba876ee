package org.polity.portal.staff;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.assembly.PoolRegistration;
import org.polity.jakarta.assembly.PoolService;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.account.AccountService;
import org.polity.portal.pages.EditionCard;
import org.polity.portal.pages.PoolPages;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * The desk registers a resident for an assembly's pool: it finds them (their account's e-mail, or
 * the identifier on their document), records what it checked, and gives their answers to the pool's
 * features; the pool service applies the process's BE_DRAWN rule to what was checked, refuses a
 * second registration of the same person, and records the registration as encoded at the desk by
 * this staff member.
 */
@Path("desk/pool")
@RequestScoped
@Tag(name = "Portal")
public class DeskPoolPages {

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject PoolService pools;
  @Inject AccountService accounts;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public DeskPoolPages() {}

  /**
   * The desk's registration form for a process's pool.
   *
   * @param process the process id
   * @return the page
   */
  @GET
  @Path("{process}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Register a resident for an assembly's pool at the desk (HTML)")
  public Response form(@PathParam("process") String process) {
    return show(process, DeskResident.EMPTY, Map.of(), List.of(), Optional.empty(), 200);
  }

  /**
   * Registers the resident.
   *
   * @param process the process id
   * @param form the resident, what was checked, and the answers ({@code feature.name})
   * @return the page with the outcome
   */
  @POST
  @Path("{process}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Registers a resident for an assembly's pool at the desk (HTML form)")
  public Response register(
      @PathParam("process") String process, MultivaluedMap<String, String> form) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    DeskResident resident = DeskResident.of(form);
    Map<String, String> answers = PoolPages.answers(form);
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, resident, answers, List.of(), Optional.empty(), 404);
    }
    Optional<DeskAttestation> attested = resident.attestation();
    if (attested.isEmpty()) {
      return show(
          process,
          resident,
          answers,
          List.of(page.t("desk.bad-attestation")),
          Optional.empty(),
          422);
    }
    Caller staff = Caller.of(security);
    var key = resident.key(staff, accounts, page);
    if (key.refusal().isPresent()) {
      return failed(process, resident, answers, key.refusal().get(), page);
    }
    var registered =
        pools.encode(staff, id.get(), key.orElseThrow(), attested.get(), answers, page.language());
    if (registered.refusal().isPresent()) {
      return failed(process, resident, answers, registered.refusal().get(), page);
    }
    PoolRegistration done = registered.orElseThrow();
    return show(
        process,
        DeskResident.EMPTY,
        Map.of(),
        List.of(),
        Optional.of(
            page.t("desk.pool.registered", done.respondentId(), done.encodedBy().orElse(""))),
        200);
  }

  private Response failed(
      String process,
      DeskResident resident,
      Map<String, String> answers,
      Refusal refusal,
      Page page) {
    int status = refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status();
    return show(
        process, resident, answers, PoolPages.reasons(refusal, page), Optional.empty(), status);
  }

  private Response show(
      String process,
      DeskResident resident,
      Map<String, String> answers,
      List<String> errors,
      Optional<String> done,
      int status) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.staffEdition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    var declared = pools.declaration(found.id());
    if (declared.refusal().isPresent()) {
      return pages.refused(page, declared.refusal().get());
    }
    return pages.status(
        status,
        "staff/desk-pool.jte",
        page,
        "edition",
        EditionCard.of(found.edition(), page),
        "resident",
        resident,
        "documents",
        DeskResident.documents(),
        "questions",
        PoolPages.questions(declared.orElseThrow().declaration(), answers, page),
        "errors",
        errors,
        "done",
        done);
  }
}
