package org.polity.jakarta.eligibility;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.eligibility.Decision;
import org.polity.jakarta.http.ApiIds;
import org.polity.jakarta.http.Languages;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.ParticipationAction;

/**
 * Whether the signed-in participant may take an action in a process ({@code GET
 * /api/v1/processes/{processId}/eligibility}): the decision of the process's rules, and of a
 * budget's own rules with {@code budget}, with the reasons and remedies in the reader's language.
 */
@Path("api/v1/processes/{processId}/eligibility")
@RequestScoped
@Tag(name = "Eligibility")
public class EligibilityResource {

  @Inject ProcessService processes;

  /** Creates the resource; CDI calls it. */
  public EligibilityResource() {}

  /**
   * Whether the current user may perform an action in the process now, under its eligibility rules,
   * with the reasons and remedies when not, in the reader's language. With {@code budget}, the
   * decision is the one a ballot on that budget would get: the process's rule and the budget's own
   * rule ({@code budgetEligibility}).
   *
   * @param processId the process
   * @param action the action, such as {@code VOTE}
   * @param budget one of the process's budgets, or null for the process-wide rule
   * @param security the caller
   * @param headers the request headers (language)
   * @return the decision ({@link DecisionJson})
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(PolityRole.Names.PARTICIPANT)
  @Operation(summary = "Whether I may perform an action in a process")
  public JsonObject eligibility(
      @PathParam("processId") @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          String processId,
      @QueryParam("action")
          @NotNull(message = "give the action, such as VOTE")
          @Pattern(
              regexp = "SUBMIT|COMMENT|SUPPORT|REVIEW|VOTE|SEE_RESULTS|ANSWER_SURVEY|BE_DRAWN",
              message =
                  "must be one of SUBMIT, COMMENT, SUPPORT, REVIEW, VOTE, SEE_RESULTS,"
                      + " ANSWER_SURVEY, BE_DRAWN")
          String action,
      @QueryParam("budget")
          @Pattern(regexp = ApiIds.ID, message = ApiIds.ID_TEMPLATE)
          @Parameter(
              description =
                  "one of the process's budgets: decide under the process's rules and"
                      + " the budget's own rules (a district budget admits its district's residents only)")
          String budget,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    ParticipationAction act = ParticipationAction.valueOf(action);
    Decision decision =
        processes
            .eligibility(
                Caller.of(security),
                ProcessId.of(processId),
                act,
                Optional.ofNullable(budget).map(BudgetId::of))
            .orElseThrow();
    return DecisionJson.toJson(act, decision, Languages.of(headers));
  }
}
