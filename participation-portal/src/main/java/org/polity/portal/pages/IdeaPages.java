package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.project.ProjectDocuments;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;
import org.polity.project.Channel;
import org.polity.project.ProjectProposal;

/**
 * A resident submits an idea: the form of the REST API's proposal (read by the same {@link
 * ProjectDocuments}, so the same fields are required), checked by the project service against the
 * phase and the edition's eligibility rule; a refusal names every bad field, or the eligibility
 * reasons and what to do.
 */
@Path("editions/{process}/ideas/new")
@RequestScoped
@Tag(name = "Portal")
public class IdeaPages {

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject ProjectService projects;
  @Inject org.polity.portal.account.IdeaAuthors ideaAuthors;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public IdeaPages() {}

  /**
   * What the resident typed, shown again with the errors.
   *
   * @param title the title
   * @param description the description
   * @param theme the theme's id
   * @param district the district
   * @param cost the estimated cost, as typed
   * @param author the author's name
   * @param age the author's age, as typed
   */
  public record Draft(
      String title,
      String description,
      String theme,
      String district,
      String cost,
      String author,
      String age) {

    /** Nothing typed yet. */
    public static final Draft EMPTY = new Draft("", "", "", "", "", "", "");

    /**
     * What was typed, trimmed and bounded.
     *
     * @param title the title
     * @param description the description
     * @param theme the theme's id
     * @param district the district
     * @param cost the estimated cost, as typed
     * @param author the author's name
     * @param age the author's age, as typed
     * @return the draft
     */
    public static Draft of(
        String title,
        String description,
        String theme,
        String district,
        String cost,
        String author,
        String age) {
      return new Draft(
          clean(title),
          clean(description),
          clean(theme),
          clean(district),
          clean(cost),
          clean(author),
          clean(age));
    }
  }

  /**
   * A draft read as the REST API reads a proposal: the proposal, or the error of each field.
   *
   * @param proposal the proposal (its channel online: the caller sets the real one)
   * @param errors the error of each form field, in the reader's language; empty when read
   */
  public record Reading(Optional<ProjectProposal> proposal, Map<String, String> errors) {}

  /**
   * Reads a draft with {@link ProjectDocuments#proposal}, the REST API's reader: the idea form and
   * the desk's share it.
   *
   * @param draft what was typed
   * @param loaded the process
   * @param page the page (language)
   * @return the proposal, or the errors by form field
   */
  public static Reading read(Draft draft, Processes.Loaded loaded, Page page) {
    try {
      return new Reading(
          Optional.of(ProjectDocuments.proposal(json(draft, loaded, page), new Channel.Online())),
          Map.of());
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (Problem.FieldError error : e.errors()) {
        errors.merge(field(error.field()), error.text().in(page.language()), (a, b) -> a + " " + b);
      }
      return new Reading(Optional.empty(), errors);
    }
  }

  /**
   * The themes of a process, for the form's list.
   *
   * @param loaded the process
   * @param page the page (language)
   * @return the themes
   */
  public static List<EditionView.Choice> themes(Processes.Loaded loaded, Page page) {
    List<EditionView.Choice> themes = new ArrayList<>();
    loaded
        .process()
        .themes()
        .forEach(t -> themes.add(new EditionView.Choice(t.id(), page.t(t.name()))));
    return themes;
  }

  /**
   * The currency of a process's costs.
   *
   * @param loaded the process
   * @return its code, such as EUR
   */
  public static String currency(Processes.Loaded loaded) {
    return loaded.projects().map(e -> e.envelope().currency().getCurrencyCode()).orElse("EUR");
  }

  /**
   * The empty form.
   *
   * @param process the process id
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The form to submit an idea (HTML)")
  public Response form(@PathParam("process") String process) {
    return show(process, Draft.EMPTY, Map.of(), List.of(), 200);
  }

  /**
   * Submits the idea.
   *
   * @param process the process id
   * @param title the title
   * @param description the description
   * @param theme the theme's id
   * @param district the district, or ""
   * @param cost the estimated cost in the edition's currency
   * @param author the author's name as shown with the idea
   * @param age the author's age
   * @return the project's page (303), or the form with every reason
   */
  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Submits an idea (HTML form)")
  public Response submit(
      @PathParam("process") String process,
      @FormParam("title") String title,
      @FormParam("description") String description,
      @FormParam("theme") String theme,
      @FormParam("district") String district,
      @FormParam("cost") String cost,
      @FormParam("author") String author,
      @FormParam("age") String age) {
    Draft draft = Draft.of(title, description, theme, district, cost, author, age);
    Page page = pages.page(headers, uri, security);
    Caller caller = Caller.of(security);
    if (caller.principal().isEmpty()) {
      return pages.seeOther("/sign-in?then=" + page.query("/editions/" + process + "/ideas/new"));
    }
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, draft, Map.of(), List.of(), 404);
    }
    var loaded = processes.read(id.get());
    if (loaded.refusal().isPresent()) {
      return pages.refused(page, loaded.refusal().get());
    }
    Reading reading = read(draft, loaded.orElseThrow(), page);
    if (reading.proposal().isEmpty()) {
      return show(process, draft, reading.errors(), List.of(), 422);
    }
    var submitted = projects.submit(caller, id.get(), reading.proposal().get(), page.language());
    if (submitted.refusal().isPresent()) {
      var refusal = submitted.refusal().get();
      return show(process, draft, Map.of(), Pages.reasons(refusal, page), refusal.kind().status());
    }
    ideaAuthors.submitted(caller, id.get(), submitted.orElseThrow().project().id());
    return pages.seeOther(
        "/editions/"
            + process
            + "/projects/"
            + submitted.orElseThrow().project().id().value()
            + "?submitted=1");
  }

  private Response show(
      String process, Draft draft, Map<String, String> errors, List<String> reasons, int status) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.edition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    var definition = found.edition().process();
    List<EditionView.Choice> themes = themes(found.edition(), page);
    return pages.status(
        status,
        "idea.jte",
        page,
        "edition",
        EditionCard.of(found.edition(), page),
        "draft",
        draft,
        "themes",
        themes,
        "districts",
        definition.territory().districts(),
        "currency",
        currency(found.edition()),
        "errors",
        errors,
        "reasons",
        reasons);
  }

  /** The proposal as the REST API reads it, in the reader's language. */
  private static JsonObject json(Draft draft, Processes.Loaded loaded, Page page) {
    String language = page.lang();
    JsonObjectBuilder body = Json.createObjectBuilder();
    if (!draft.title().isEmpty()) {
      body.add("title", Json.createObjectBuilder().add(language, draft.title()));
    }
    if (!draft.description().isEmpty()) {
      body.add("description", Json.createObjectBuilder().add(language, draft.description()));
    }
    body.add(
        "themes",
        draft.theme().isEmpty()
            ? Json.createArrayBuilder()
            : Json.createArrayBuilder().add(draft.theme()));
    if (!draft.cost().isEmpty()) {
      String currency =
          loaded.projects().map(e -> e.envelope().currency().getCurrencyCode()).orElse("EUR");
      body.add(
          "estimatedCost",
          Json.createObjectBuilder()
              .add("amount", draft.cost().replace(" ", "").replace("\u00a0", "").replace(',', '.'))
              .add("currency", currency));
    }
    if (!draft.district().isEmpty()) {
      body.add("district", draft.district());
    }
    JsonObjectBuilder author = Json.createObjectBuilder().add("kind", "resident");
    author.add("name", draft.author());
    try {
      author.add("age", Integer.parseInt(draft.age()));
    } catch (NumberFormatException e) {
      author.add("age", draft.age());
    }
    body.add("authors", Json.createArrayBuilder().add(author));
    return body.build();
  }

  /** The form field of a member of the proposal. */
  private static String field(String member) {
    if (member.startsWith("authors")) {
      return member.contains("age") ? "age" : "author";
    }
    return switch (member) {
      case "estimatedCost" -> "cost";
      case "themes" -> "theme";
      default -> member;
    };
  }

  private static String clean(String value) {
    if (value == null) {
      return "";
    }
    String stripped = value.strip();
    return stripped.length() > 10_000 ? stripped.substring(0, 10_000) : stripped;
  }
}
