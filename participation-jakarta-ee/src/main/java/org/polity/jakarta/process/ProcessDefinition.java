package org.polity.jakarta.process;

import jakarta.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.polity.common.BudgetId;
import org.polity.eligibility.EligibilityPolicy;
import org.polity.process.ParticipatoryProcess;

/**
 * A process as declared by an administrator, read and checked: the core process, the budgets voted
 * on in it, its eligibility policy, and the definition document it was read from (stored as is).
 *
 * <p><b>Per-budget eligibility.</b> A budget may add its own rules (the {@code budgetEligibility}
 * member of the document, see {@link ProcessDocuments}): a district budget admits only the
 * district's residents. {@link #policy(BudgetId)} gives, for each budget, the policy that decides
 * on it: the process-wide rule of each action and, where the budget has one, its own rule, both of
 * which must admit ({@link org.polity.eligibility.Rules#allOf}). These combined policies are built
 * once, when the definition is read, so deciding on a ballot costs no more than before.
 *
 * @param process the process
 * @param budgets the budgets of the process (at least one)
 * @param policy who may do what, in the whole process
 * @param counting how the votes on its budgets are counted ({@link CountingDefinition})
 * @param budgetPolicies for each budget that has rules of its own, its combined policy (the
 *     process's rules and the budget's); a budget absent from it is decided by {@code policy}
 * @param document the definition document
 */
public record ProcessDefinition(
    ParticipatoryProcess process,
    List<BudgetId> budgets,
    EligibilityPolicy policy,
    CountingDefinition counting,
    Map<BudgetId, EligibilityPolicy> budgetPolicies,
    JsonObject document) {

  /** Refuses nulls, copies the collections, and refuses policies of budgets not in the process. */
  public ProcessDefinition {
    Objects.requireNonNull(process, "process");
    budgets = List.copyOf(budgets);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(counting, "counting");
    Objects.requireNonNull(document, "document");
    budgetPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(budgetPolicies));
    for (BudgetId budget : budgetPolicies.keySet()) {
      if (!budgets.contains(budget)) {
        throw new IllegalArgumentException(
            "budgetEligibility."
                + budget
                + ": not a budget of this"
                + " process; its budgets are "
                + budgets
                + ".");
      }
    }
  }

  /**
   * A definition whose budgets have no rules of their own.
   *
   * @param process the process
   * @param budgets the budgets
   * @param policy who may do what
   * @param counting how votes are counted
   * @param document the definition document
   */
  public ProcessDefinition(
      ParticipatoryProcess process,
      List<BudgetId> budgets,
      EligibilityPolicy policy,
      CountingDefinition counting,
      JsonObject document) {
    this(process, budgets, policy, counting, Map.of(), document);
  }

  /**
   * The policy that decides on a budget: the process's rules, combined with the budget's own rules
   * where it has some.
   *
   * @param budget one of the process's budgets
   * @return the combined policy (built when the definition was read)
   * @throws IllegalArgumentException when the budget is not one of the process's
   */
  public EligibilityPolicy policy(BudgetId budget) {
    EligibilityPolicy own = budgetPolicies.get(Objects.requireNonNull(budget, "budget"));
    if (own != null) {
      return own;
    }
    if (!budgets.contains(budget)) {
      throw new IllegalArgumentException(
          "Budget "
              + budget
              + " is not a budget of process "
              + process.id()
              + "; its budgets are "
              + budgets
              + ".");
    }
    return policy;
  }
}
