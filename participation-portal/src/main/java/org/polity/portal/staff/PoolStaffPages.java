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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.jakarta.assembly.PoolDeclaration;
import org.polity.jakarta.assembly.PoolService;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.pages.EditionCard;
import org.polity.portal.web.Ids;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * Staff declare which features an assembly's pool asks, see how many people registered (online and
 * at the desk), and download the people file of {@code polity sortition}. The declaration is typed
 * as lines: a feature ({@code name = label fr / label nl / label en}) followed by its values, each
 * indented ({@code id = label fr / label nl / label en}); the pool service checks and stores it.
 */
@Path("staff/pool")
@RequestScoped
@Tag(name = "Portal")
public class PoolStaffPages {

  private static final List<Locale> ORDER =
      List.of(Locale.FRENCH, Locale.forLanguageTag("nl"), Locale.ENGLISH);

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject PoolService pools;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public PoolStaffPages() {}

  /**
   * The pool's declaration and registrations.
   *
   * @param process the process id
   * @return the page
   */
  @GET
  @Path("{process}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "An assembly's pool for staff (HTML)")
  public Response pool(@PathParam("process") String process) {
    return show(process, Optional.empty(), List.of(), Optional.empty(), 200);
  }

  /**
   * Declares the pool's features.
   *
   * @param process the process id
   * @param features the lines of the declaration
   * @return the page with the outcome
   */
  @POST
  @Path("{process}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Declares an assembly pool's features (HTML form)")
  public Response declare(
      @PathParam("process") String process, @FormParam("features") String features) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    String typed = features == null ? "" : features;
    if (typed.length() > 20_000) {
      typed = typed.substring(0, 20_000);
    }
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, Optional.of(typed), List.of(), Optional.empty(), 404);
    }
    List<String> errors = new ArrayList<>();
    PoolDeclaration declaration = parse(typed, page, errors);
    if (declaration == null) {
      return show(process, Optional.of(typed), errors, Optional.empty(), 422);
    }
    var declared = pools.declare(Caller.of(security), id.get(), declaration);
    if (declared.refusal().isPresent()) {
      var refusal = declared.refusal().get();
      return show(
          process,
          Optional.of(typed),
          Pages.reasons(refusal, page),
          Optional.empty(),
          refusal.kind().status());
    }
    return show(
        process, Optional.empty(), List.of(), Optional.of(page.t("staff.pool.declared")), 200);
  }

  /**
   * The people file of {@code polity sortition --people}.
   *
   * @param process the process id
   * @return the CSV, or the refusal's page
   */
  @GET
  @Path("{process}/registrations.csv")
  @PermitAll
  @Produces({"text/csv", MediaType.TEXT_HTML})
  @Operation(summary = "An assembly's pool as the people file of polity sortition (CSV)")
  public Response csv(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Optional<Response> refused = pages.staffOnly(page);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return show(process, Optional.empty(), List.of(), Optional.empty(), 404);
    }
    var export = pools.pool(Caller.of(security), id.get());
    if (export.refusal().isPresent()) {
      return pages.refused(page, export.refusal().get());
    }
    StreamingOutput csv = export.orElseThrow()::write;
    return Pages.secured(
            Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + process + "-pool.csv\""))
        .build();
  }

  private Response show(
      String process,
      Optional<String> typed,
      List<String> errors,
      Optional<String> done,
      int status) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.staffEdition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    var declared = pools.declaration(found.id());
    String lines =
        typed.orElseGet(
            () ->
                declared.refusal().isPresent() ? "" : format(declared.orElseThrow().declaration()));
    long online = 0;
    long desk = 0;
    var export = pools.pool(Caller.of(security), found.id());
    if (export.refusal().isEmpty()) {
      for (var registration : export.orElseThrow().registrations()) {
        if (registration.encodedBy().isPresent()) {
          desk++;
        } else {
          online++;
        }
      }
    }
    return pages.status(
        status,
        "staff/pool.jte",
        page,
        "edition",
        EditionCard.of(found.edition(), page),
        "declared",
        declared.refusal().isEmpty(),
        "features",
        lines,
        "online",
        online,
        "desk",
        desk,
        "errors",
        errors,
        "done",
        done);
  }

  /**
   * A declaration as the form's lines.
   *
   * @param declaration the declaration
   * @return the lines
   */
  static String format(PoolDeclaration declaration) {
    StringBuilder lines = new StringBuilder();
    for (PoolDeclaration.Feature feature : declaration.features()) {
      lines.append(feature.name()).append(" = ").append(labels(feature.label())).append('\n');
      for (PoolDeclaration.Value value : feature.values()) {
        lines.append("  ").append(value.id()).append(" = ").append(labels(value.label()));
        lines.append('\n');
      }
    }
    return lines.toString();
  }

  private static String labels(LocalizedText text) {
    List<String> parts = new ArrayList<>();
    ORDER.forEach(language -> parts.add(text.in(language)));
    return String.join(" / ", parts);
  }

  /**
   * Reads the form's lines.
   *
   * @param typed the lines
   * @param page the page (language of a label given once, and of the errors)
   * @param errors where each problem goes, with its line
   * @return the declaration, or null when a problem was found
   */
  static PoolDeclaration parse(String typed, Page page, List<String> errors) {
    List<PoolDeclaration.Feature> features = new ArrayList<>();
    String name = null;
    LocalizedText label = null;
    List<PoolDeclaration.Value> values = new ArrayList<>();
    String[] lines = typed.split("\\R");
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      boolean last = i == lines.length;
      if (!last && line.isBlank()) {
        continue;
      }
      boolean value = !last && Character.isWhitespace(line.charAt(0));
      if (!value && name != null) {
        try {
          features.add(new PoolDeclaration.Feature(name, label, values));
        } catch (IllegalArgumentException e) {
          errors.add(e.getMessage());
        }
        name = null;
        values = new ArrayList<>();
      }
      if (last) {
        break;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        errors.add(page.t("staff.pool.bad-line", String.valueOf(i + 1), line.strip()));
        continue;
      }
      String id = line.substring(0, equals).strip();
      LocalizedText text = text(line.substring(equals + 1), page);
      if (text == null) {
        errors.add(page.t("staff.pool.bad-line", String.valueOf(i + 1), line.strip()));
        continue;
      }
      if (value) {
        if (name == null) {
          errors.add(page.t("staff.pool.value-first", String.valueOf(i + 1), line.strip()));
          continue;
        }
        try {
          values.add(new PoolDeclaration.Value(id, text));
        } catch (IllegalArgumentException e) {
          errors.add(page.t("staff.pool.line", String.valueOf(i + 1), e.getMessage()));
        }
      } else {
        name = id;
        label = text;
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    try {
      return new PoolDeclaration(features);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      return null;
    }
  }

  private static LocalizedText text(String labels, Page page) {
    String[] parts = labels.split("/");
    List<String> texts = new ArrayList<>();
    for (String part : parts) {
      if (part.isBlank()) {
        return null;
      }
      texts.add(part.strip());
    }
    if (texts.size() == 1) {
      return LocalizedText.of(page.lang(), texts.get(0));
    }
    if (texts.size() != 3) {
      return null;
    }
    LocalizedText text = LocalizedText.of("fr", texts.get(0));
    return text.with("nl", texts.get(1)).with("en", texts.get(2));
  }
}
