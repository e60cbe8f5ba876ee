package org.polity.portal.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.BudgetId;
import org.polity.common.Money;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.results.ResultsJson;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * The results of an edition, budget by budget: the projects funded and not funded with their votes
 * as a chart, the explanation of every project, the ties and how they were broken, and the rule
 * used. Before the vote closes, the page says when results come (administrators see the provisional
 * count, marked as such).
 */
@Path("editions/{process}/results")
@RequestScoped
@Tag(name = "Portal")
public class ResultsPage {

  @Inject Pages pages;
  @Inject ProcessService processes;
  @Inject ResultsService results;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the page; CDI calls it. */
  public ResultsPage() {}

  /**
   * What the page shows of one budget.
   *
   * @param budget the budget id
   * @param available whether results can be shown
   * @param message why not, or a note on the results (provisional)
   * @param provisional whether these are a provisional count
   * @param ballots how many ballots were counted
   * @param envelope the envelope, formatted
   * @param used the amount funded, formatted
   * @param remaining what is left, formatted
   * @param rule the rule's description
   * @param projects the projects, funded first as the count ordered them
   * @param ties the ties, in words
   * @param notes the count's notes, in words
   * @param maxVotes the most votes of a project, for the chart's scale
   */
  public record BudgetView(
      String budget,
      boolean available,
      String message,
      boolean provisional,
      long ballots,
      String envelope,
      String used,
      String remaining,
      String rule,
      List<Line> projects,
      List<String> ties,
      List<String> notes,
      long maxVotes) {}

  /**
   * A project in the results.
   *
   * @param id its id
   * @param title its title
   * @param cost its cost, formatted
   * @param votes its votes
   * @param selected whether it is funded
   * @param explanation why, in words
   */
  public record Line(
      String id, String title, String cost, long votes, boolean selected, String explanation) {}

  /**
   * The results page.
   *
   * @param process the process id
   * @return the page, or 404
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The results of an edition, explained (HTML)")
  public Response results(@PathParam("process") String process) {
    Page page = pages.page(headers, uri, security);
    Pages.Edition found = pages.edition(page, process, processes);
    if (found.answer().isPresent()) {
      return found.answer().get();
    }
    List<BudgetView> budgets = new ArrayList<>();
    for (BudgetId budget : found.edition().definition().budgets()) {
      budgets.add(view(budget, page));
    }
    return pages.ok(
        "results.jte", page, "edition", EditionCard.of(found.edition(), page), "budgets", budgets);
  }

  private BudgetView view(BudgetId budget, Page page) {
    var shown = results.results(budget, Caller.of(security));
    if (shown.refusal().isPresent()) {
      return new BudgetView(
          budget.value(),
          false,
          shown.refusal().get().detail(page.language()),
          false,
          0,
          "",
          "",
          "",
          "",
          List.of(),
          List.of(),
          List.of(),
          0);
    }
    ResultsService.Shown found = shown.orElseThrow();
    JsonObject view = ResultsJson.view(found.document(), page.language(), found.provisional());
    List<Line> lines = new ArrayList<>();
    long max = 0;
    for (JsonValue value : view.getJsonArray("projects")) {
      JsonObject project = value.asJsonObject();
      long votes = project.getJsonNumber("votes").longValue();
      max = Math.max(max, votes);
      lines.add(
          new Line(
              project.getString("id"),
              text(project.get("title")),
              money(project.getJsonObject("cost"), page),
              votes,
              project.getBoolean("selected", false),
              text(project.get("explanation"))));
    }
    lines.sort((a, b) -> Boolean.compare(b.selected(), a.selected()));
    return new BudgetView(
        budget.value(),
        true,
        found.provisional() ? page.t("results.provisional") : "",
        found.provisional(),
        view.getJsonNumber("ballots").longValue(),
        money(view.getJsonObject("budget"), page),
        money(view.getJsonObject("used"), page),
        money(view.getJsonObject("remaining"), page),
        view.getString("ruleDescription", view.getString("rule", "")),
        lines,
        texts(view, "ties"),
        texts(view, "notes"),
        max);
  }

  private static List<String> texts(JsonObject view, String member) {
    List<String> texts = new ArrayList<>();
    if (view.get(member) instanceof jakarta.json.JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonObject object && object.containsKey("text")) {
          texts.add(text(object.get("text")));
        } else {
          texts.add(text(value));
        }
      }
    }
    return texts;
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : "";
  }

  private static String money(JsonObject money, Page page) {
    if (money == null) {
      return "";
    }
    return page.money(Money.of(money.getString("amount"), money.getString("currency")));
  }
}
