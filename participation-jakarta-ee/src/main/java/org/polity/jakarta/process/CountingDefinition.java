package org.polity.jakarta.process;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.common.BudgetId;
import org.polity.common.Money;
import org.polity.counting.BudgetStep;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.Satisfaction;
import org.polity.counting.TieBreaking;
import org.polity.jakarta.http.FieldErrors;
import org.polity.jakarta.http.ValueJson;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.process.ParticipatoryProcess;

/**
 * How a process counts the votes on its budgets: the optional {@code counting} member of a process
 * definition, read and checked when the process is declared.
 *
 * <pre>{@code
 * "counting": {"rule": "mes",                 // greedy (default), mes, phragmen, or a plugin's rule
 *              "satisfaction": "cost",        // cost (default), cardinality, points, borda
 *              "completion": "add1",          // none, add1, add1-greedy, greedy
 *              "tieBreaking": "lottery",      // project-id (default), project-order, fewer-cost,
 *              "seed": "2027-05-12: 4 17 23", // lottery (with the seed published before the count)
 *              "budgets": {"sb-north": {"district": "North",
 *                                       "envelope": {"amount": "40000", "currency": "EUR"},
 *                                       "tieBreaking": "fewer-cost"},
 *                          "sb-city":  {"envelope": {"amount": "60000", "currency": "EUR"}}}}
 * }</pre>
 *
 * <p><b>Defaults.</b> Without the member a process counts with the greedy rule ("the projects with
 * the most votes are funded, in order, while money remains"), which is what both templates describe
 * (the shared budget's proclamation step and CONSUL's results); the Method of Equal Shares is a
 * choice the city makes explicitly. The completion defaults to {@code add1} for {@code mes} and to
 * {@code none} for the other rules, as {@code polity tally} does.
 *
 * <p><b>Ties.</b> {@code tieBreaking} names how the rule chooses among equally good projects
 * ({@link TieBreaking#named}): by project id (the default, as before this member existed and as
 * pabutools does), in the order of the edition's projects, the cheaper first, or by a public
 * lottery whose {@code seed} is published before the count. A budget may choose its own rule in its
 * entry of {@code budgets}; one without uses the process's. Every tie the rule decided is named in
 * the results.
 *
 * <p><b>Which projects a budget counts.</b> A process with one budget counts every project that was
 * put on the ballot, against the process's envelope. A process with several budgets (a city-wide
 * one and one per district) must say, for each budget, its envelope and the district whose projects
 * it counts; a budget without a district counts the projects that have none. Until it does, its
 * results are refused (409 {@code budget-not-mapped}): declaring such a process stays possible, as
 * before this member existed.
 *
 * @param rule the counting rule's name ({@link Plugins#countingRule})
 * @param satisfaction the satisfaction measure
 * @param completion the completion's name: none, add1, add1-greedy or greedy
 * @param budgets per budget, its district and envelope; empty for a process with one budget that
 *     uses the process's envelope
 * @param tieBreaking how ties are broken on the budgets that do not choose their own rule
 */
public record CountingDefinition(
    String rule,
    Satisfaction satisfaction,
    String completion,
    Map<BudgetId, BudgetCounting> budgets,
    TieBreaking tieBreaking) {

  /** The completions by name. */
  public static final List<String> COMPLETIONS = List.of("none", "add1", "add1-greedy", "greedy");

  private static final Set<String> MEMBERS =
      Set.of("rule", "satisfaction", "completion", "budgets", "tieBreaking", "seed");

  private static final Set<String> BUDGET_MEMBERS =
      Set.of("district", "envelope", "tieBreaking", "seed");

  /** Checks the names and copies the map. */
  public CountingDefinition {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(tieBreaking, "tieBreaking");
    Objects.requireNonNull(satisfaction, "satisfaction");
    if (!COMPLETIONS.contains(completion)) {
      throw new IllegalArgumentException(
          "counting.completion: '"
              + completion
              + "' is not a completion;"
              + " use one of "
              + COMPLETIONS
              + ".");
    }
    budgets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(budgets));
  }

  /**
   * A definition whose ties are broken by project id.
   *
   * @param rule the counting rule's name
   * @param satisfaction the satisfaction measure
   * @param completion the completion's name
   * @param budgets per budget, its district and envelope
   */
  public CountingDefinition(
      String rule,
      Satisfaction satisfaction,
      String completion,
      Map<BudgetId, BudgetCounting> budgets) {
    this(rule, satisfaction, completion, budgets, TieBreaking.byId());
  }

  /**
   * What one budget counts.
   *
   * @param district the district whose projects it counts; empty: the projects without district
   * @param envelope its envelope; empty: the process's envelope (one budget only)
   * @param tieBreaking its own tie-breaking rule; empty: the process's
   */
  public record BudgetCounting(
      Optional<String> district, Optional<Money> envelope, Optional<TieBreaking> tieBreaking) {
    /** Refuses nulls. */
    public BudgetCounting {
      Objects.requireNonNull(district, "district");
      Objects.requireNonNull(envelope, "envelope");
      Objects.requireNonNull(tieBreaking, "tieBreaking");
    }

    /**
     * A budget that breaks ties as its process does.
     *
     * @param district the district whose projects it counts
     * @param envelope its envelope
     */
    public BudgetCounting(Optional<String> district, Optional<Money> envelope) {
      this(district, envelope, Optional.empty());
    }
  }

  /**
   * The defaults: greedy by cost, no completion, one budget on the process's envelope.
   *
   * @return the definition
   */
  public static CountingDefinition defaults() {
    return new CountingDefinition("greedy", Satisfaction.COST, "none", Map.of());
  }

  /**
   * The core counting options of a budget: this satisfaction and completion, the budget's
   * tie-breaking rule (its own, or the process's), no limits.
   *
   * @param budget a budget of the process
   * @return the options
   */
  public CountingOptions options(BudgetId budget) {
    return options().withTieBreaking(tieBreaking(budget));
  }

  /**
   * How a budget breaks ties.
   *
   * @param budget a budget of the process
   * @return its own rule, or the process's
   */
  public TieBreaking tieBreaking(BudgetId budget) {
    return of(budget).tieBreaking().orElse(tieBreaking);
  }

  /**
   * The core counting options: this satisfaction and completion, the process's tie-breaking rule,
   * no limits.
   *
   * @return the options
   */
  public CountingOptions options() {
    Completion chosen =
        switch (completion) {
          case "add1" -> Completion.add1(new BudgetStep.PerVoter(BigDecimal.ONE), false);
          case "add1-greedy" -> Completion.add1(new BudgetStep.PerVoter(BigDecimal.ONE), true);
          case "greedy" -> Completion.greedy();
          default -> Completion.none();
        };
    return CountingOptions.defaults()
        .withSatisfaction(satisfaction)
        .withCompletion(chosen)
        .withTieBreaking(tieBreaking);
  }

  /**
   * What a budget counts.
   *
   * @param budget one of the process's budgets
   * @return its district and envelope (both empty when not given)
   */
  public BudgetCounting of(BudgetId budget) {
    return budgets.getOrDefault(budget, new BudgetCounting(Optional.empty(), Optional.empty()));
  }

  /**
   * Reads the {@code counting} member of a definition.
   *
   * @param value the member, or null for the defaults
   * @param process the process (its districts and currency)
   * @param budgets the process's budgets
   * @param plugins where the counting rules are found
   * @return the definition
   * @throws IllegalArgumentException naming the offending member ({@code counting.rule: ...})
   */
  static CountingDefinition read(
      JsonValue value, ParticipatoryProcess process, List<BudgetId> budgets, Plugins plugins) {
    if (value == null || value == JsonValue.NULL) {
      return defaults();
    }
    if (!(value instanceof JsonObject counting)) {
      throw bad("counting", "counting.field.body");
    }
    for (String key : counting.keySet()) {
      if (!MEMBERS.contains(key)) {
        throw new InvalidValueException(
            "counting." + key,
            FieldErrors.text(
                "field.unknown-member", String.join(", ", MEMBERS.stream().sorted().toList())));
      }
    }
    String rule = string(counting, "rule", "greedy");
    if (!plugins.countingRuleNames().contains(rule)) {
      throw bad(
          "counting.rule",
          "counting.field.rule",
          rule,
          String.join(", ", plugins.countingRuleNames().stream().map(String::valueOf).toList()));
    }
    String satisfactionName = string(counting, "satisfaction", "cost");
    Satisfaction satisfaction;
    try {
      satisfaction = Satisfaction.valueOf(satisfactionName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("counting.satisfaction", "counting.field.satisfaction", satisfactionName);
    }
    String completion = string(counting, "completion", rule.equals("mes") ? "add1" : "none");
    if (!COMPLETIONS.contains(completion)) {
      throw bad(
          "counting.completion",
          "counting.field.completion",
          completion,
          String.join(", ", COMPLETIONS));
    }
    if (completion.startsWith("add1") && !rule.equals("mes")) {
      throw bad("counting.completion", "counting.field.completion-rule", completion, rule);
    }
    Map<BudgetId, BudgetCounting> perBudget = new LinkedHashMap<>();
    JsonValue list = counting.get("budgets");
    if (list instanceof JsonObject map) {
      for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
        String field = "counting.budgets." + entry.getKey();
        BudgetId budget = BudgetId.of(entry.getKey());
        if (!budgets.contains(budget)) {
          throw bad(
              field,
              "counting.field.budget",
              String.join(", ", budgets.stream().map(BudgetId::value).toList()));
        }
        if (!(entry.getValue() instanceof JsonObject one)) {
          throw bad(field, "counting.field.budget.body");
        }
        for (String key : one.keySet()) {
          if (!BUDGET_MEMBERS.contains(key)) {
            throw new InvalidValueException(
                field + "." + key,
                FieldErrors.text(
                    "field.unknown-member",
                    String.join(", ", BUDGET_MEMBERS.stream().sorted().toList())));
          }
        }
        Optional<String> district = Optional.empty();
        if (one.get("district") instanceof JsonString d) {
          if (!process.territory().districts().contains(d.getString())) {
            throw bad(
                field + ".district",
                "counting.field.district",
                d.getString(),
                String.join(", ", process.territory().districts()));
          }
          district = Optional.of(d.getString());
        } else if (one.get("district") != null && one.get("district") != JsonValue.NULL) {
          throw bad(field + ".district", "counting.field.district.name");
        }
        Optional<Money> envelope = Optional.empty();
        if (one.get("envelope") != null) {
          Money money = ValueJson.money(one.get("envelope"), field + ".envelope");
          if (money.amount().signum() <= 0) {
            throw bad(field + ".envelope", "counting.field.envelope");
          }
          envelope = Optional.of(money);
        }
        Optional<TieBreaking> own =
            one.containsKey("tieBreaking") || one.containsKey("seed")
                ? Optional.of(tieBreaking(one, field))
                : Optional.empty();
        perBudget.put(budget, new BudgetCounting(district, envelope, own));
      }
    } else if (list != null) {
      throw bad("counting.budgets", "counting.field.budgets");
    }
    return new CountingDefinition(
        rule, satisfaction, completion, perBudget, tieBreaking(counting, "counting"));
  }

  /** The tie-breaking rule of an object's {@code tieBreaking} and {@code seed} members. */
  private static TieBreaking tieBreaking(JsonObject object, String field) {
    String name = text(object, "tieBreaking", field, "project-id");
    JsonValue seed = object.get("seed");
    Optional<String> published = Optional.empty();
    if (seed != null && seed != JsonValue.NULL) {
      if (!(seed instanceof JsonString s) || s.getString().isBlank()) {
        throw new IllegalArgumentException(
            field + ".seed: give the lottery's seed as published before the count, as a string.");
      }
      published = Optional.of(s.getString());
    }
    try {
      return TieBreaking.named(name, published);
    } catch (IllegalArgumentException e) {
      boolean known = TieBreaking.NAMES.contains(name) || name.equals("project-id-utf16");
      boolean seedWrong = known && (name.equals("lottery") != published.isPresent());
      throw new IllegalArgumentException(
          field + (seedWrong ? ".seed: " : ".tieBreaking: ") + e.getMessage());
    }
  }

  private static String text(JsonObject object, String member, String field, String fallback) {
    JsonValue value = object.get(member);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (!(value instanceof JsonString s)) {
      throw new IllegalArgumentException(field + "." + member + ": give a name.");
    }
    return s.getString();
  }

  private static String string(JsonObject object, String member, String fallback) {
    JsonValue value = object.get(member);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (!(value instanceof JsonString s)) {
      throw bad("counting." + member, "counting.field.name");
    }
    return s.getString();
  }

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(CountingDefinition.class);

  /** A bad member of the counting definition, with what to do in every language. */
  private static InvalidValueException bad(String field, String key, Object... args) {
    return new InvalidValueException(field, TEXTS.text(key, args));
  }
}
