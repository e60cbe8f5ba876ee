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
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.account.AccountService;
import org.polity.portal.pages.EditionCard;
import org.polity.portal.pages.IdeaPages;
import org.polity.portal.pages.PoolPages;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.project.ProjectProposal;

/**
 * The desk encodes an idea a resident brings (on a paper form or by word of mouth), read as the
 * idea form reads it ({@link IdeaPages#read}); the project's history records it as encoded by this
 * staff member. When the desk names the resident (their account's e-mail or their identifier), the
 * process's SUBMIT rule is applied to what the desk checked, as a paper ballot is checked against
 * the vote's rule ({@link ProjectService#encode(Caller, ProcessId, ProjectProposal, String,
 * DeskAttestation, java.util.Locale)}); a form handed in without anyone to check is encoded as the
 * paper-form route of the API does, without a rule (nobody's evidence is at hand).
 */
@Path("desk/ideas")
@RequestScoped
@Tag(name = "Portal")
public class DeskIdeaPages {

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject ProjectService projects;
  @Inject AccountService accounts;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public DeskIdeaPages() {}

  /**
   * The desk's idea form.
   *
   * @param process the process id
   * @return the page
   */
  @GET
  @Path("{process}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Encode a resident's idea at the desk (HTML)")
  public Response form(@PathParam("process") String process) {
    return show(
        process,
        DeskResident.EMPTY,
        IdeaPages.Draft.EMPTY,
        Map.of(),
        List.of(),
        Optional.empty(),
        200);
  }

  /**
   * Encodes the idea.
   *
   * @param process the process id
   * @param form the idea's fields (as the idea form's), the resident and what was checked
   * @return the page with the outcome
   */
  @POST
  @Path("{process}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Encodes a resident's idea at the desk (HTML form)")
  public Response encode(
      @PathParam("process") String process, MultivaluedMap<String, String> form) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    DeskResident resident = DeskResident.of(form);
    IdeaPages.Draft draft =
        IdeaPages.Draft.of(
            form.getFirst("title"),
            form.getFirst("description"),
            form.getFirst("theme"),
            form.getFirst("district"),
            form.getFirst("cost"),
            form.getFirst("author"),
            form.getFirst("age"));
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, resident, draft, Map.of(), List.of(), Optional.empty(), 404);
    }
    var loaded = processes.read(id.get());
    if (loaded.refusal().isPresent()) {
      return pages.refused(page, loaded.refusal().get());
    }
    IdeaPages.Reading reading = IdeaPages.read(draft, loaded.orElseThrow(), page);
    if (reading.proposal().isEmpty()) {
      return show(process, resident, draft, reading.errors(), List.of(), Optional.empty(), 422);
    }
    Caller staff = Caller.of(security);
    Result<ProjectService.ProjectView> encoded;
    if (resident.email().isEmpty() && resident.identifier().isEmpty()) {
      encoded = projects.encode(staff, id.get(), reading.proposal().get());
    } else {
      Optional<DeskAttestation> attested = resident.attestation();
      if (attested.isEmpty()) {
        return show(
            process,
            resident,
            draft,
            Map.of(),
            List.of(page.t("desk.bad-attestation")),
            Optional.empty(),
            422);
      }
      Result<String> key = resident.key(staff, accounts, page);
      if (key.refusal().isPresent()) {
        return failed(process, resident, draft, key.refusal().get(), page);
      }
      encoded =
          projects.encode(
              staff,
              id.get(),
              reading.proposal().get(),
              key.orElseThrow(),
              attested.get(),
              page.language());
    }
    if (encoded.refusal().isPresent()) {
      return failed(process, resident, draft, encoded.refusal().get(), page);
    }
    var project = encoded.orElseThrow().project();
    return show(
        process,
        DeskResident.EMPTY,
        IdeaPages.Draft.EMPTY,
        Map.of(),
        List.of(),
        Optional.of(project.id().value()),
        200);
  }

  private Response failed(
      String process, DeskResident resident, IdeaPages.Draft draft, Refusal refusal, Page page) {
    int status = refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status();
    return show(
        process,
        resident,
        draft,
        Map.of(),
        PoolPages.reasons(refusal, page),
        Optional.empty(),
        status);
  }

  private Response show(
      String process,
      DeskResident resident,
      IdeaPages.Draft draft,
      Map<String, String> errors,
      List<String> reasons,
      Optional<String> encoded,
      int status) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.staffEdition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    var edition = found.edition();
    return pages.status(
        status,
        "staff/desk-idea.jte",
        page,
        "edition",
        EditionCard.of(edition, page),
        "resident",
        resident,
        "documents",
        DeskResident.documents(),
        "draft",
        draft,
        "themes",
        IdeaPages.themes(edition, page),
        "districts",
        edition.process().territory().districts(),
        "currency",
        IdeaPages.currency(edition),
        "errors",
        errors,
        "reasons",
        reasons,
        "encoded",
        encoded);
  }
}
