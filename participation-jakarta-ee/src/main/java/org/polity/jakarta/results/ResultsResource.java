package org.polity.jakarta.results;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.counting.Election;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.problem.RefusalException;
import org.polity.jakarta.security.PolityRole;
import org.polity.pabulib.PabulibExport;
import org.polity.pabulib.PabulibFile;
import org.polity.pabulib.PabulibWriter;

/**
 * The results of a budget's vote, with their explanations, and its anonymous ballots as a Pabulib
 * file that anyone can recount.
 *
 * <p><b>Who sees what, when.</b> Once the vote is finished (paper encoding over, as for the counted
 * ballots), everyone: the published results if an administrator published them, otherwise the final
 * count ({@code "published": false}; counted once, as no ballot can change any more). While the
 * vote runs, staff, moderators and administrators see the live count, marked {@code "provisional":
 * true}; anyone else gets a 409 problem {@code vote-not-finished}, so that no running tally is
 * published.
 */
@Path("api/v1/budgets/{budgetId}")
@RequestScoped
@Tag(name = "Results")
public class ResultsResource {

  @Inject ResultsService results;

  /** Creates the resource; CDI calls it. */
  public ResultsResource() {}

  /**
   * The results of a budget: rule, envelope and money used, per project its votes, whether it is
   * funded, and why, in the reader's language ({@code Accept-Language}: fr, nl or en).
   *
   * @param budgetId the budget
   * @param security the caller
   * @param headers the request (language)
   * @return the results ({@link ResultsJson}); 404 without a vote or a process; 409 before the end
   *     for the public
   */
  @GET
  @Path("results")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(
      summary =
          "Results of a budget with explanations (public once the vote is finished;"
              + " live and provisional for staff before)")
  public Response results(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    BudgetId budget = BudgetId.of(budgetId);
    Locale language = Languages.of(headers);
    boolean finished = results.finished(budget);
    if (finished) {
      Optional<JsonObject> published = results.published(budget);
      if (published.isPresent()) {
        return localized(ResultsJson.view(published.get(), language, false), language);
      }
    } else if (!staff(security)) {
      throw new RefusalException(
          "vote-not-finished",
          409,
          "The results of budget "
              + budgetId
              + " are public once the vote is finished (paper encoding over); only staff see the live count.");
    }
    JsonObject document =
        finished ? results.finalCount(budget) : ResultsJson.document(results.count(budget), null);
    return localized(ResultsJson.view(document, language, !finished), language);
  }

  /**
   * The counted ballots of a finished vote as a Pabulib file ({@code .pb}): the budget, its
   * projects with their cost and votes, and one anonymous line per ballot, numbered after sorting
   * by content. Recount it with {@code polity tally}, pabutools or the equalshares.net tool.
   *
   * @param budgetId the budget
   * @return the file; 409 before the vote is finished, or when ballots of several kinds were cast
   */
  @GET
  @Path("ballots.pb")
  @Produces("text/plain")
  @PermitAll
  @Operation(summary = "The anonymous counted ballots of a finished vote as a Pabulib file")
  public Response pabulib(
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_MESSAGE)
          String budgetId) {
    BudgetId budget = BudgetId.of(budgetId);
    if (!results.finished(budget)) {
      throw new RefusalException(
          "vote-not-finished",
          409,
          "The ballots of budget "
              + budgetId
              + " are published once the vote is finished (paper encoding over).");
    }
    Election election = results.election(budget);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("description", "Polity budget " + budgetId);
    meta.put("instance", budgetId);
    PabulibFile file;
    try {
      file = PabulibExport.toFile(election, meta);
    } catch (IllegalArgumentException e) {
      throw new RefusalException(
          "ballots-not-exportable",
          409,
          "The ballots of budget "
              + budgetId
              + " cannot be written as one Pabulib file: "
              + e.getMessage());
    }
    StreamingOutput body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          PabulibWriter.write(file, writer);
          writer.flush();
        };
    return Response.ok(body, "text/plain; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + budgetId + ".pb\"")
        .build();
  }

  private static boolean staff(SecurityContext security) {
    return security.isUserInRole(PolityRole.Names.STAFF)
        || security.isUserInRole(PolityRole.Names.MODERATOR)
        || security.isUserInRole(PolityRole.Names.ADMINISTRATOR);
  }

  private static Response localized(JsonObject json, Locale language) {
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).language(language).build();
  }
}
