package org.polity.jakarta.results;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.security.Caller;
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
 * published. {@link ResultsService#results} decides.
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
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    ResultsService.Shown shown =
        results.results(BudgetId.of(budgetId), Caller.of(security)).orElseThrow();
    Locale language = Languages.of(headers);
    return Response.ok(
            ResultsJson.view(shown.document(), language, shown.provisional()),
            MediaType.APPLICATION_JSON_TYPE)
        .language(language)
        .build();
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
      @PathParam("budgetId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String budgetId) {
    PabulibFile file = results.ballots(BudgetId.of(budgetId)).orElseThrow();
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
}
