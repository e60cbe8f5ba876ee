package org.polity.jakarta.process;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.common.Texts;
import org.polity.eligibility.EligibilityPolicy;
import org.polity.eligibility.EligibilityRule;
import org.polity.eligibility.Rules;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.eligibility.EligibilityRules;
import org.polity.jakarta.http.FieldErrors;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.http.RequestBodies;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.process.Envelope;
import org.polity.process.ParticipationAction;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Phase;
import org.polity.process.PhaseProgression;
import org.polity.process.ProcessKind;
import org.polity.process.ProcessRules;
import org.polity.process.ProcessTemplate;
import org.polity.process.ProcessTemplates;
import org.polity.process.Territory;
import org.polity.process.Theme;

/**
 * Reads process definitions from JSON and writes processes, phases and phase moves as JSON.
 *
 * <p>A definition:
 *
 * <pre>{@code
 * {"title": {"en": "Shared Budget 2027", "fr": "Budget partagé 2027"},
 *  "zone": "Europe/Brussels",
 *  "progression": "BY_DATES",                       // or BY_STAFF; default BY_DATES
 *  "template": "shared-budget",                     // or consul-budget; or "phases": [...]
 *  "schedule": ["2027-01-10T00:00", "2027-02-01T00:00", ...],  // opening, then closings
 *  "territory": {"code": "SAMPLE", "name": {"en": "Sample"}, "districts": ["Centre", "North"]},
 *  "rules": {"envelope": {"amount": "515055", "currency": "EUR"},
 *            "maximumProjectCost": {"amount": "165000", "currency": "EUR"},
 *            "themes": [{"id": "greenery", "name": {"en": "Greenery"}}],
 *            "minimumAge": 10},
 *  "budgets": ["sb-2027"],                          // default: the process id
 *  "eligibility": {"VOTE": {"minimumAge": {"years": 10}}, "SUBMIT": {"everyone": {}}},
 *  "budgetEligibility": {"sb-2027": {"VOTE": {"livesAtPostalCode": ["1160"]}}},  // optional
 *  "counting": {"rule": "mes", "completion": "add1"}}  // optional: see CountingDefinition
 * }</pre>
 *
 * {@code phases} takes the phase list of core's template format ({@link ProcessTemplates#read});
 * {@code eligibility} the rules of {@link EligibilityRules}. {@code budgetEligibility} gives a
 * budget rules of its own, by budget id then action (only {@code VOTE}: the one action done on a
 * budget), which apply on top of the process's rule for that action: both must admit (see {@link
 * ProcessDefinition#policy(BudgetId)}). A budget that {@code counting} maps to a district gets no
 * residence rule by default: a district is only a name here, with no codes or area to check an
 * address against, so its rule must be written. Unknown members are refused.
 */
public final class ProcessDocuments {

  private static final Set<String> MEMBERS =
      Set.of(
          "title",
          "kind",
          "zone",
          "progression",
          "template",
          "schedule",
          "phases",
          "territory",
          "rules",
          "budgets",
          "eligibility",
          "budgetEligibility",
          "counting");

  private static final Texts TEXTS = Texts.of(ProcessDocuments.class);

  private ProcessDocuments() {}

  /**
   * Reads and checks a definition.
   *
   * @param id the process id
   * @param document the definition
   * @param plugins census plugins for the eligibility rules, counting rules
   * @param keyer the keyer given to census sources
   * @return the definition
   * @throws InvalidInputException naming every offending member
   */
  public static ProcessDefinition read(
      ProcessId id, JsonObject document, Plugins plugins, ParticipantKeyer keyer) {
    if (document == null) {
      throw InvalidInputException.of("body", TEXTS.text("definition.body"));
    }
    FieldErrors errors = new FieldErrors();
    document.keySet().stream()
        .filter(k -> !MEMBERS.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    k,
                    "field.unknown-member",
                    String.join(", ", MEMBERS.stream().sorted().toList())));
    LocalizedText title =
        read(
            errors,
            "title",
            () -> ValueJson.text(document.get("title"), "title", ValueJson.MAX_TITLE));
    ZoneId zone = read(errors, "zone", () -> zone(document));
    ProcessRules rules = read(errors, "rules", () -> rules(document.get("rules")));
    Territory territory = read(errors, "territory", () -> territory(document.get("territory")));
    PhaseProgression progression =
        read(
            errors,
            "progression",
            () ->
                name(
                    PhaseProgression.class,
                    document.get("progression"),
                    "progression",
                    PhaseProgression.BY_DATES));
    ProcessTemplate template = read(errors, "template", () -> template(id, document));
    ProcessKind kind =
        template == null
            ? null
            : read(
                errors,
                "kind",
                () -> name(ProcessKind.class, document.get("kind"), "kind", template.kind()));
    List<BudgetId> budgets = read(errors, "budgets", () -> budgets(id, document.get("budgets")));
    JsonValue eligibility = document.get("eligibility");
    EligibilityPolicy policy =
        read(
            errors,
            "eligibility",
            () -> {
              if (eligibility != null && !(eligibility instanceof JsonObject)) {
                throw new InvalidValueException(
                    "eligibility", TEXTS.text("definition.eligibility"));
              }
              return EligibilityRules.policy((JsonObject) eligibility, plugins, keyer);
            });
    errors.done();
    ParticipatoryProcess process =
        read(
            errors,
            "phases",
            () -> {
              try {
                return ParticipatoryProcess.builder(id)
                    .title(title)
                    .zone(zone)
                    .rules(rules)
                    .territory(territory)
                    .progression(progression)
                    .kind(kind)
                    .phases(template.phases())
                    .build();
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("phases: " + e.getMessage(), e);
              }
            });
    errors.done();
    CountingDefinition counting =
        read(
            errors,
            "counting",
            () -> CountingDefinition.read(document.get("counting"), process, budgets, plugins));
    Map<BudgetId, EligibilityPolicy> budgetPolicies =
        read(
            errors,
            "budgetEligibility",
            () ->
                budgetPolicies(document.get("budgetEligibility"), budgets, policy, plugins, keyer));
    errors.done();
    return new ProcessDefinition(process, budgets, policy, counting, budgetPolicies, document);
  }

  /**
   * Reads one member, noting a bad one (its field from the start of the message, such as {@code
   * rules.envelope: ...}, else {@code member}).
   */
  private static <T> T read(FieldErrors errors, String member, Supplier<T> reader) {
    return errors.read(
        member,
        () -> {
          try {
            return reader.get();
          } catch (InvalidValueException e) {
            throw e;
          } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            String field = field(message);
            throw new InvalidValueException(
                field.equals("body") ? member : field, LocalizedText.of("en", message));
          }
        });
  }

  /** The member named at the start of a message such as {@code "rules.envelope: ..."}. */
  private static String field(String message) {
    int colon = message.indexOf(':');
    String head = colon < 0 ? "" : message.substring(0, colon);
    return head.matches("[A-Za-z][A-Za-z0-9_.\\[\\]-]*") ? head : "body";
  }

  private static ZoneId zone(JsonObject document) {
    JsonValue zone = document.get("zone");
    if (!(zone instanceof JsonString z)) {
      throw new InvalidValueException("zone", TEXTS.text("definition.zone"));
    }
    try {
      return ZoneId.of(z.getString());
    } catch (DateTimeException e) {
      throw new InvalidValueException("zone", TEXTS.text("definition.zone.unknown", z.getString()));
    }
  }

  private static <E extends Enum<E>> E name(
      Class<E> type, JsonValue value, String field, E fallback) {
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (value instanceof JsonString s) {
      try {
        return Enum.valueOf(type, s.getString());
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    throw new InvalidValueException(
        field,
        TEXTS.text(
            "definition.one-of",
            String.join(
                ", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
  }

  private static ProcessTemplate template(ProcessId id, JsonObject document) {
    JsonValue templateName = document.get("template");
    JsonValue phases = document.get("phases");
    ProcessTemplate template;
    if (templateName != null && phases != null) {
      throw new InvalidValueException("phases", TEXTS.text("definition.template-and-phases"));
    }
    if (templateName instanceof JsonString name) {
      template =
          switch (name.getString()) {
            case "shared-budget" -> ProcessTemplates.sharedBudget();
            case "consul-budget" -> ProcessTemplates.consulBudget();
            default ->
                throw new InvalidValueException(
                    "template", TEXTS.text("definition.template.unknown", name.getString()));
          };
    } else if (phases instanceof JsonArray list) {
      JsonObject wrapped =
          Jsonp.JSON
              .createObjectBuilder()
              .add("id", id.value())
              .add(
                  "kind",
                  document.get("kind") instanceof JsonString k
                      ? k.getString()
                      : "PARTICIPATORY_BUDGET")
              .add("phases", list)
              .build();
      try {
        template =
            ProcessTemplates.read(
                new ByteArrayInputStream(wrapped.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("phases: " + e.getMessage(), e);
      }
    } else {
      throw new InvalidValueException("template", TEXTS.text("definition.template"));
    }
    JsonValue schedule = document.get("schedule");
    if (schedule != null) {
      if (!(schedule instanceof JsonArray dates) || dates.isEmpty()) {
        throw new InvalidValueException("schedule", TEXTS.text("definition.schedule"));
      }
      List<LocalDateTime> instants = new ArrayList<>();
      for (int i = 0; i < dates.size(); i++) {
        if (!(dates.get(i) instanceof JsonString d)) {
          throw new InvalidValueException(
              "schedule[" + i + "]", TEXTS.text("definition.schedule.item"));
        }
        try {
          instants.add(LocalDateTime.parse(d.getString()));
        } catch (DateTimeParseException e) {
          throw new InvalidValueException(
              "schedule[" + i + "]", TEXTS.text("definition.schedule.date", d.getString()));
        }
      }
      try {
        template =
            template.withSchedule(
                instants.get(0),
                instants.subList(1, instants.size()).toArray(LocalDateTime[]::new));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("schedule: " + e.getMessage(), e);
      }
    }
    return template;
  }

  private static Territory territory(JsonValue value) {
    if (!(value instanceof JsonObject territory)) {
      throw new InvalidValueException("territory", TEXTS.text("definition.territory"));
    }
    if (!(territory.get("code") instanceof JsonString code)) {
      throw new InvalidValueException("territory.code", TEXTS.text("definition.territory.code"));
    }
    List<String> districts = new ArrayList<>();
    JsonValue list = territory.get("districts");
    if (list instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (!(array.get(i) instanceof JsonString d)) {
          throw new InvalidValueException(
              "territory.districts[" + i + "]", TEXTS.text("definition.territory.district"));
        }
        districts.add(d.getString());
      }
    } else if (list != null) {
      throw new InvalidValueException(
          "territory.districts", TEXTS.text("definition.territory.districts"));
    }
    return new Territory(
        code.getString(), ValueJson.text(territory.get("name"), "territory.name"), districts);
  }

  private static ProcessRules rules(JsonValue value) {
    if (!(value instanceof JsonObject rules)) {
      throw new InvalidValueException("rules", TEXTS.text("definition.rules"));
    }
    ProcessRules.Builder builder = ProcessRules.builder();
    JsonValue envelope = rules.get("envelope");
    if (envelope instanceof JsonObject e && e.get("perInhabitant") != null) {
      if (!(e.get("population") instanceof JsonNumber population) || !population.isIntegral()) {
        throw new InvalidValueException(
            "rules.envelope.population", TEXTS.text("definition.rules.population"));
      }
      builder.envelope(
          Envelope.perInhabitant(
              ValueJson.money(e.get("perInhabitant"), "rules.envelope.perInhabitant"),
              population.longValue()));
    } else {
      builder.envelope(Envelope.fixed(ValueJson.money(envelope, "rules.envelope")));
    }
    if (rules.get("maximumProjectCost") != null) {
      builder.maximumProjectCost(
          ValueJson.money(rules.get("maximumProjectCost"), "rules.maximumProjectCost"));
    }
    JsonValue themes = rules.get("themes");
    if (themes instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof JsonObject theme)
            || !(theme.get("id") instanceof JsonString themeId)) {
          throw new InvalidValueException(
              "rules.themes[" + i + "]", TEXTS.text("definition.rules.theme"));
        }
        builder.theme(
            new Theme(
                themeId.getString(),
                ValueJson.text(theme.get("name"), "rules.themes[" + i + "].name")));
      }
    } else if (themes != null) {
      throw new InvalidValueException("rules.themes", TEXTS.text("definition.rules.themes"));
    }
    JsonValue minimumAge = rules.get("minimumAge");
    if (minimumAge instanceof JsonNumber age && age.isIntegral()) {
      builder.minimumAge(age.intValue());
    } else if (minimumAge != null) {
      throw new InvalidValueException(
          "rules.minimumAge", TEXTS.text("definition.rules.minimum-age"));
    }
    return builder.build();
  }

  private static List<BudgetId> budgets(ProcessId id, JsonValue value) {
    if (value == null) {
      return List.of(BudgetId.of(id.value()));
    }
    if (!(value instanceof JsonArray list) || list.isEmpty()) {
      throw new InvalidValueException("budgets", TEXTS.text("definition.budgets"));
    }
    List<BudgetId> budgets = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof JsonString budget)
          || !budget.getString().matches("[A-Za-z0-9._-]{1,100}")) {
        throw new InvalidValueException(
            "budgets[" + i + "]", FieldErrors.text("field.id", "budgets[" + i + "]"));
      }
      budgets.add(BudgetId.of(budget.getString()));
    }
    return List.copyOf(budgets);
  }

  /**
   * The actions a budget may give rules of its own for: only voting is done on a budget (ideas,
   * comments and supports belong to the whole process), so a rule for another action would never be
   * applied and is refused rather than ignored.
   */
  static final Set<ParticipationAction> BUDGET_ACTIONS = Set.of(ParticipationAction.VOTE);

  /**
   * Reads {@code "budgetEligibility": {"north-2027": {"VOTE": rule}}} and combines each budget's
   * rule with the process's rule for the same action: both must admit ({@link Rules#allOf}, which
   * keeps an unresolved part unresolved and lists the reasons of every part that did not pass).
   */
  private static Map<BudgetId, EligibilityPolicy> budgetPolicies(
      JsonValue value,
      List<BudgetId> budgets,
      EligibilityPolicy processPolicy,
      Plugins plugins,
      ParticipantKeyer keyer) {
    Map<BudgetId, EligibilityPolicy> policies = new LinkedHashMap<>();
    if (value == null || value == JsonValue.NULL) {
      return policies;
    }
    if (!(value instanceof JsonObject perBudget)) {
      throw new InvalidValueException(
          "budgetEligibility", TEXTS.text("definition.budget-eligibility"));
    }
    for (Map.Entry<String, JsonValue> entry : perBudget.entrySet()) {
      String field = "budgetEligibility." + entry.getKey();
      BudgetId budget =
          budgets.stream()
              .filter(b -> b.value().equals(entry.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidValueException(
                          field,
                          TEXTS.text(
                              "definition.budget-eligibility.unknown",
                              String.join(", ", budgets.stream().map(BudgetId::value).toList()))));
      if (!(entry.getValue() instanceof JsonObject rules) || rules.isEmpty()) {
        throw new InvalidValueException(field, TEXTS.text("definition.budget-eligibility.rules"));
      }
      Map<ParticipationAction, EligibilityRule> combined = new EnumMap<>(ParticipationAction.class);
      combined.putAll(processPolicy.rules());
      for (Map.Entry<String, JsonValue> rule : rules.entrySet()) {
        String at = field + "." + rule.getKey();
        ParticipationAction action =
            BUDGET_ACTIONS.stream()
                .filter(a -> a.name().equals(rule.getKey()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            at
                                + ": a budget only has rules for "
                                + BUDGET_ACTIONS.stream().map(Enum::name).sorted().toList()
                                + "; rules for the other"
                                + " actions go in the process's eligibility member."));
        EligibilityRule processRule = processPolicy.rules().get(action);
        if (processRule == null) {
          throw new IllegalArgumentException(
              at
                  + ": the process has no eligibility."
                  + action
                  + " rule, so no one may "
                  + action
                  + " on any budget; give eligibility."
                  + action
                  + " (for instance {\"everyone\": {}}) and put here what this budget adds.");
        }
        combined.put(
            action,
            Rules.allOf(processRule, EligibilityRules.rule(rule.getValue(), at, plugins, keyer)));
      }
      policies.put(budget, new EligibilityPolicy(combined));
    }
    return policies;
  }

  /**
   * A phase as JSON, with its name in the reader's language.
   *
   * @param process the process
   * @param phase the phase
   * @param language the reader's language
   * @return the JSON
   */
  static JsonObject json(ParticipatoryProcess process, Phase phase, Locale language) {
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("id", phase.id())
            .add("kind", phase.kind().name())
            .add("name", phase.displayName(language));
    phase
        .dates()
        .opensAt(process.zone())
        .ifPresentOrElse(at -> json.add("opensAt", at.toString()), () -> json.addNull("opensAt"));
    phase
        .dates()
        .closesAt(process.zone())
        .ifPresentOrElse(at -> json.add("closesAt", at.toString()), () -> json.addNull("closesAt"));
    JsonArrayBuilder actions = Jsonp.JSON.createArrayBuilder();
    for (ParticipationAction action : ParticipationAction.values()) {
      if (phase.allows(action)) {
        actions.add(action.name());
      }
    }
    return json.add("actions", actions).build();
  }

  /**
   * A phase move an administrator asks for: {@code {"phase": "vote", "why": {...}}}, without {@code
   * phase} for the next phase.
   *
   * @param phase the phase to open, or empty for the next one
   * @param why the public reason
   */
  public record PhaseMoveRequest(Optional<String> phase, LocalizedText why) {}

  /**
   * Reads a phase move.
   *
   * @param body the request body
   * @return the move
   * @throws InvalidInputException naming the offending member
   */
  public static PhaseMoveRequest phaseMove(JsonObject body) {
    if (body == null) {
      throw InvalidInputException.of("body", TEXTS.text("phase-move.body"));
    }
    LocalizedText why = RequestBodies.text(body, "why");
    RequestBodies.only(body, "phase", "why");
    Optional<String> phase =
        body.get("phase") == null
            ? Optional.empty()
            : Optional.of(RequestBodies.string(body, "phase"));
    return new PhaseMoveRequest(phase, why);
  }
}
