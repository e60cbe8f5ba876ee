package org.polity.portal.paper;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.jakarta.process.ProcessDefinition;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.spi.Setting;
import org.polity.jakarta.voting.VotingService;
import org.polity.portal.web.Ids;
import org.polity.portal.web.LanguageChoice;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.voting.VoteSettings;

/**
 * The printable forms of an edition, for the paper channel: the paper ballot of each budget and the
 * paper idea form, as PDF in the language of {@code ?lang=fr|nl|en} (else the page's language), and
 * the page that links to them in the three languages. Public, like the ballot they print (only the
 * projects on the ballot). The content comes from the adapter's services ({@link Processes#ballot},
 * {@link VotingService#settings}); {@link PaperForms} writes it.
 */
@Path("editions/{process}/paper")
@RequestScoped
@Tag(name = "Portal")
public class PaperPages {

  /** {@code polity.portal.paper-desk}: where residents bring the paper forms. */
  public static final String DESK = "polity.portal.paper-desk";

  /** The setting {@value #DESK}, listed by {@link org.polity.portal.PortalCapability}. */
  public static final Setting DESK_SETTING =
      Setting.of(
          DESK,
          "",
          "Where residents bring the paper forms, printed on the idea form (such as \"the"
              + " reception of the town hall, place Communale 1, 1160 Auderghem, Monday to Friday"
              + " 8:30-12:30\"); empty for \"the reception desk of your town hall\" in the form's"
              + " language; at most 200 characters.",
          value ->
              value.length() > 200
                  ? Optional.of(DESK + " has " + value.length() + " characters: give at most 200.")
                  : Optional.empty());

  private static final String PDF = "application/pdf";

  @Inject Pages pages;
  @Inject Processes processes;
  @Inject VotingService voting;
  @Inject Config config;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the page; CDI calls it. */
  public PaperPages() {}

  /**
   * The page that lists the paper forms of an edition, each in French, Dutch and English.
   *
   * @param process the edition
   * @return the page, or 404
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The printable forms of an edition (HTML)")
  public Response paper(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Optional<ProcessDefinition> definition = definition(process);
    if (definition.isEmpty()) {
      return missing(page, page.t("paper.missing.process", process));
    }
    ProcessDefinition found = definition.get();
    return pages.ok(
        "paper.jte",
        page,
        "process",
        found.process().id().value(),
        "title",
        page.t(found.process().title()),
        "budgets",
        found.budgets().stream().map(BudgetId::value).toList());
  }

  /**
   * The paper ballot of a budget, as PDF.
   *
   * @param process the edition
   * @param budget the budget
   * @return the PDF, or 404 for an unknown edition or a budget it does not declare
   */
  @GET
  @Path("ballot-{budget}.pdf")
  @PermitAll
  @Produces({PDF, MediaType.TEXT_HTML})
  @Operation(summary = "The paper ballot of a budget (PDF)")
  public Response ballot(@PathParam("process") String process, @PathParam("budget") String budget) {
    Locale language = LanguageChoice.of(headers);
    Optional<ProcessDefinition> definition = definition(process);
    if (definition.isEmpty()) {
      return missing(page(), page().t("paper.missing.process", process));
    }
    ProcessDefinition found = definition.get();
    Optional<BudgetId> id = Ids.budget(budget).filter(found.budgets()::contains);
    if (id.isEmpty()) {
      return missing(page(), page().t("paper.missing.budget", process, budget));
    }
    Result<BudgetBallot> ballot = processes.ballot(id.get());
    if (ballot.refusal().isPresent()) {
      Refusal refusal = ballot.refusal().get();
      return pages.status(
          refusal.kind().status(),
          "paper-missing.jte",
          page(),
          "heading",
          page().t(refusal.kind().status() == 404 ? "paper.missing.title" : "paper.refused.title"),
          "message",
          refusal.detail(language));
    }
    Result<VoteSettings> declared = voting.settings(id.get());
    Optional<VoteSettings> settings =
        declared.refusal().isPresent() ? Optional.empty() : Optional.of(declared.orElseThrow());
    byte[] pdf =
        PaperForms.ballot(
            found.process(),
            ballot.orElseThrow(),
            settings.flatMap(VoteSettings::form),
            settings.map(VoteSettings::secondEncoderRequired).orElse(false),
            language);
    return pdf(pdf, "paper-ballot-" + id.get().value() + "-" + language.getLanguage() + ".pdf");
  }

  /**
   * The paper idea form of an edition, as PDF.
   *
   * @param process the edition
   * @return the PDF, or 404 for an unknown edition
   */
  @GET
  @Path("idea-form.pdf")
  @PermitAll
  @Produces({PDF, MediaType.TEXT_HTML})
  @Operation(summary = "The paper idea form of an edition (PDF)")
  public Response ideaForm(@PathParam("process") String process) {
    Locale language = LanguageChoice.of(headers);
    Optional<ProcessDefinition> definition = definition(process);
    if (definition.isEmpty()) {
      return missing(page(), page().t("paper.missing.process", process));
    }
    ProcessDefinition found = definition.get();
    byte[] pdf =
        PaperForms.ideaForm(found.process(), DESK_SETTING.value(config).orElse(""), language);
    return pdf(
        pdf, "idea-form-" + found.process().id().value() + "-" + language.getLanguage() + ".pdf");
  }

  private Page page() {
    return pages.page(headers, uri, security);
  }

  private Optional<ProcessDefinition> definition(String process) {
    ProcessId id;
    try {
      id = ProcessId.of(process);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Result<ProcessDefinition> found = processes.find(id, Processes.Loaded::definition);
    return found.refusal().isPresent() ? Optional.empty() : Optional.of(found.orElseThrow());
  }

  private Response missing(Page page, String message) {
    return pages.status(
        404,
        "paper-missing.jte",
        page,
        "heading",
        page.t("paper.missing.title"),
        "message",
        message);
  }

  private static Response pdf(byte[] pdf, String filename) {
    return Pages.secured(Response.ok(pdf, PDF))
        .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
        .build();
  }
}
