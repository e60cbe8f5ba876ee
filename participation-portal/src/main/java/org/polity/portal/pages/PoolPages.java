package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.ProcessId;
import org.polity.jakarta.assembly.PoolDeclaration;
import org.polity.jakarta.assembly.PoolRegistration;
import org.polity.jakarta.assembly.PoolService;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * A resident volunteers to be drawn for an assembly: the pool's features as groups of radio
 * buttons, checked by the pool service (phase, answers, one registration per person, the process's
 * BE_DRAWN rule); a refusal shows every reason and what to do. A resident in the pool sees their
 * answers and may withdraw.
 */
@Path("editions/{process}/pool")
@RequestScoped
@Tag(name = "Portal")
public class PoolPages {

  /** The prefix of a feature's form field: {@code feature.gender}. */
  public static final String FIELD = "feature.";

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject PoolService pools;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public PoolPages() {}

  /**
   * A feature as the form shows it.
   *
   * @param name the feature's name (the field is {@value #FIELD} and the name)
   * @param label the question, in the reader's language
   * @param values the answers offered
   */
  public record Question(String name, String label, List<Choice> values) {}

  /**
   * One answer offered.
   *
   * @param id the value's id
   * @param label its label, in the reader's language
   * @param checked whether it is the one chosen
   */
  public record Choice(String id, String label, boolean checked) {}

  /**
   * The form, or the resident's registration.
   *
   * @param process the process id
   * @return the page
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Volunteer to be drawn for an assembly (HTML)")
  public Response form(@PathParam("process") String process) {
    return show(process, Map.of(), List.of(), Optional.empty(), 200);
  }

  /**
   * Registers the signed-in resident.
   *
   * @param process the process id
   * @param form the answers ({@value #FIELD}name) and the csrf token
   * @return the page with the registration, or the form with every reason
   */
  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Volunteers to be drawn for an assembly (HTML form)")
  public Response register(
      @PathParam("process") String process, MultivaluedMap<String, String> form) {
    Page page = pages.page(headers, uri, security);
    Caller caller = Caller.of(security);
    if (caller.principal().isEmpty()) {
      return pages.seeOther("/sign-in?then=" + page.query("/editions/" + process + "/pool"));
    }
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, Map.of(), List.of(), Optional.empty(), 404);
    }
    Map<String, String> answers = answers(form);
    var registered = pools.register(caller, id.get(), answers, page.language());
    if (registered.refusal().isPresent()) {
      Refusal refusal = registered.refusal().get();
      return show(process, answers, reasons(refusal, page), Optional.empty(), status(refusal));
    }
    return show(process, Map.of(), List.of(), Optional.of(page.t("pool.registered")), 200);
  }

  /**
   * Withdraws the signed-in resident from the pool.
   *
   * @param process the process id
   * @return the page
   */
  @POST
  @Path("withdrawal")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Withdraws from an assembly's pool (HTML form)")
  public Response withdraw(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Caller caller = Caller.of(security);
    if (caller.principal().isEmpty()) {
      return pages.seeOther("/sign-in?then=" + page.query("/editions/" + process + "/pool"));
    }
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, Map.of(), List.of(), Optional.empty(), 404);
    }
    var withdrawn = pools.withdraw(caller, id.get());
    if (withdrawn.refusal().isPresent()) {
      Refusal refusal = withdrawn.refusal().get();
      return show(process, Map.of(), reasons(refusal, page), Optional.empty(), status(refusal));
    }
    return show(process, Map.of(), List.of(), Optional.of(page.t("pool.withdrawn")), 200);
  }

  private Response show(
      String process,
      Map<String, String> answers,
      List<String> reasons,
      Optional<String> done,
      int status) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.edition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    var declared = pools.declaration(found.id());
    if (declared.refusal().isPresent()) {
      return pages.refused(page, declared.refusal().get());
    }
    PoolDeclaration declaration = declared.orElseThrow().declaration();
    Optional<PoolRegistration> mine = Optional.empty();
    Caller caller = Caller.of(security);
    if (caller.hasAny(PolityRole.PARTICIPANT)) {
      var registered = pools.registration(caller, found.id());
      if (registered.refusal().isEmpty()) {
        mine = registered.orElseThrow();
      }
    }
    List<Question> questions =
        questions(declaration, mine.map(PoolRegistration::features).orElse(answers), page);
    return pages.status(
        status,
        "pool.jte",
        page,
        "edition",
        EditionCard.of(found.edition(), page),
        "questions",
        questions,
        "registered",
        mine.map(r -> page.dateTime(r.registeredAt())),
        "reasons",
        reasons,
        "done",
        done);
  }

  /**
   * The questions of a pool, each value checked when it is the answer given.
   *
   * @param declaration the pool's features
   * @param answers the answers given so far, by feature name
   * @param page the page (language)
   * @return the questions
   */
  public static List<Question> questions(
      PoolDeclaration declaration, Map<String, String> answers, Page page) {
    List<Question> questions = new ArrayList<>();
    for (PoolDeclaration.Feature feature : declaration.features()) {
      List<Choice> choices = new ArrayList<>();
      for (PoolDeclaration.Value value : feature.values()) {
        choices.add(
            new Choice(
                value.id(), page.t(value.label()), value.id().equals(answers.get(feature.name()))));
      }
      questions.add(new Question(feature.name(), page.t(feature.label()), choices));
    }
    return questions;
  }

  /**
   * The answers of a form: each field {@value #FIELD}name.
   *
   * @param form the form's fields
   * @return the answers, by feature name
   */
  public static Map<String, String> answers(MultivaluedMap<String, String> form) {
    Map<String, String> answers = new LinkedHashMap<>();
    if (form == null) {
      return answers;
    }
    form.forEach(
        (field, values) -> {
          if (field.startsWith(FIELD) && !values.isEmpty() && !values.get(0).isBlank()) {
            answers.put(field.substring(FIELD.length()), values.get(0).strip());
          }
        });
    return answers;
  }

  /**
   * Every reason of a refusal with, for an eligibility refusal, what the resident can do.
   *
   * @param refusal the refusal
   * @param page the page (language)
   * @return the reasons
   */
  public static List<String> reasons(Refusal refusal, Page page) {
    List<String> reasons = new ArrayList<>(Pages.reasons(refusal, page));
    if (refusal.extensions() != null
        && refusal.extensions().get("remedies") instanceof JsonArray remedies) {
      for (JsonValue remedy : remedies) {
        if (remedy instanceof JsonString text && !reasons.contains(text.getString())) {
          reasons.add(text.getString());
        }
      }
    }
    return reasons;
  }

  private static int status(Refusal refusal) {
    return refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status();
  }
}
