package org.polity.jakarta.process;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.ValueJson;
import org.polity.process.ParticipationAction;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Phase;
import org.polity.process.PhaseCalendar;
import org.polity.process.PhaseMove;
import org.polity.process.Theme;

/** Processes as the API shows them, in the reader's language where a text is chosen. */
public final class ProcessViews {

  /** What the public views show instead of a staff member's sign-in name. */
  public static final String PUBLIC_ACTOR = "staff";

  private ProcessViews() {}

  /**
   * A process in a list: id, title, kind and current phase.
   *
   * @param loaded the process
   * @param language the reader's language
   * @return the JSON
   */
  public static JsonObject summary(Processes.Loaded loaded, Locale language) {
    return base(loaded, language).build();
  }

  private static JsonObjectBuilder base(Processes.Loaded loaded, Locale language) {
    ParticipatoryProcess process = loaded.definition().process();
    PhaseCalendar calendar = loaded.calendar();
    Optional<Phase> current = calendar.current();
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", process.id().value())
            .add("title", process.title().in(language))
            .add("titles", ValueJson.json(process.title()))
            .add("kind", process.kind().name())
            .add(
                "budgets",
                Jsonp.JSON.createArrayBuilder(
                    loaded.definition().budgets().stream().map(BudgetId::value).toList()));
    if (current.isPresent()) {
      json.add("currentPhase", ProcessDocuments.json(process, current.get(), language));
      JsonArrayBuilder allowed = Jsonp.JSON.createArrayBuilder();
      for (ParticipationAction action : ParticipationAction.values()) {
        if (current.get().allows(action)) {
          allowed.add(action.name());
        }
      }
      json.add("allowedActions", allowed);
    } else {
      json.addNull("currentPhase").add("allowedActions", Jsonp.JSON.createArrayBuilder());
    }
    return json;
  }

  /**
   * A process in full: phases, current phase and allowed actions, why the dates are held, rules,
   * counting rule ({@link CountingDefinition}), territory and phase history.
   *
   * @param loaded the process
   * @param language the reader's language
   * @return the JSON
   */
  public static JsonObject process(Processes.Loaded loaded, Locale language) {
    ParticipatoryProcess process = loaded.definition().process();
    PhaseCalendar calendar = loaded.calendar();
    JsonObjectBuilder json =
        base(loaded, language)
            .add("zone", process.zone().getId())
            .add("progression", process.progression().name());
    JsonArrayBuilder phases = Jsonp.JSON.createArrayBuilder();
    for (Phase phase : process.phases()) {
      phases.add(ProcessDocuments.json(process, phase, language));
    }
    json.add("phases", phases);
    calendar
        .hold()
        .ifPresentOrElse(
            h ->
                json.add(
                    "hold",
                    Jsonp.JSON
                        .createObjectBuilder()
                        .add("code", h.code())
                        .add("message", h.message(language))),
            () -> json.addNull("hold"));
    JsonArrayBuilder moves = Jsonp.JSON.createArrayBuilder();
    for (PhaseMove move : calendar.history()) {
      JsonObjectBuilder m = Jsonp.JSON.createObjectBuilder();
      if (move.from() == null) {
        m.addNull("from");
      } else {
        m.add("from", move.from());
      }
      moves.add(
          m.add("to", move.to())
              .add("at", move.at().toString())
              // The public sees that staff moved it, never their sign-in name (which can be a
              // national register number); the stored history keeps it for the audit.
              .add("actor", move.trigger() == PhaseMove.Trigger.STAFF ? PUBLIC_ACTOR : move.actor())
              .add("why", move.why().in(language))
              .add("trigger", move.trigger().name()));
    }
    json.add("phaseHistory", moves);
    JsonArrayBuilder themes = Jsonp.JSON.createArrayBuilder();
    for (Theme theme : process.rules().themeList()) {
      themes.add(
          Jsonp.JSON
              .createObjectBuilder()
              .add("id", theme.id())
              .add("name", theme.name().in(language)));
    }
    JsonObjectBuilder rules =
        Jsonp.JSON
            .createObjectBuilder()
            .add("envelope", ValueJson.json(process.rules().envelope().amount()))
            .add("themes", themes)
            .add("minimumAge", process.rules().minimumAge());
    process
        .rules()
        .maximumProjectCost()
        .ifPresentOrElse(
            m -> rules.add("maximumProjectCost", ValueJson.json(m)),
            () -> rules.addNull("maximumProjectCost"));
    json.add("rules", rules);
    CountingDefinition counting = loaded.definition().counting();
    JsonObjectBuilder budgets = Jsonp.JSON.createObjectBuilder();
    counting
        .budgets()
        .forEach(
            (budget, one) -> {
              JsonObjectBuilder entry = Jsonp.JSON.createObjectBuilder();
              one.district().ifPresent(d -> entry.add("district", d));
              one.envelope().ifPresent(e -> entry.add("envelope", ValueJson.json(e)));
              one.tieBreaking()
                  .ifPresent(
                      rule -> {
                        entry.add("tieBreaking", rule.name());
                        rule.publishedSeed().ifPresent(seed -> entry.add("seed", seed));
                      });
              budgets.add(budget.value(), entry);
            });
    JsonObjectBuilder countingView =
        Jsonp.JSON
            .createObjectBuilder()
            .add("rule", counting.rule())
            .add("satisfaction", counting.satisfaction().name().toLowerCase(Locale.ROOT))
            .add("completion", counting.completion())
            .add("tieBreaking", counting.tieBreaking().name());
    counting.tieBreaking().publishedSeed().ifPresent(seed -> countingView.add("seed", seed));
    json.add("counting", countingView.add("budgets", budgets));
    // Which budgets add rules of their own, and which district budgets do not (a district is a
    // name only: no residence rule is derived from it, so say so rather than stay silent).
    JsonObjectBuilder own = Jsonp.JSON.createObjectBuilder();
    JsonArrayBuilder unrestricted = Jsonp.JSON.createArrayBuilder();
    JsonObject declared =
        loaded.definition().document().get("budgetEligibility") instanceof JsonObject o
            ? o
            : JsonObject.EMPTY_JSON_OBJECT;
    for (BudgetId budget : loaded.definition().budgets()) {
      JsonObject budgetRules =
          declared.get(budget.value()) instanceof JsonObject r ? r : JsonObject.EMPTY_JSON_OBJECT;
      if (!budgetRules.isEmpty()) {
        own.add(
            budget.value(),
            Jsonp.JSON.createArrayBuilder(budgetRules.keySet().stream().sorted().toList()));
      }
      if (counting.of(budget).district().isPresent()
          && !budgetRules.containsKey(ParticipationAction.VOTE.name())) {
        unrestricted.add(budget.value());
      }
    }
    json.add("budgetEligibility", own).add("districtBudgetsWithoutOwnVoteRule", unrestricted);
    json.add(
        "territory",
        Jsonp.JSON
            .createObjectBuilder()
            .add("code", process.territory().code())
            .add("name", process.territory().name().in(language))
            .add("districts", Jsonp.JSON.createArrayBuilder(process.territory().districts())));
    return json.build();
  }
}
