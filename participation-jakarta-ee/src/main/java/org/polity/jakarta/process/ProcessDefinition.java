package org.polity.jakarta.process;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.polity.common.BudgetId;
import org.polity.eligibility.EligibilityPolicy;
import org.polity.process.ParticipatoryProcess;

/**
 * A process as declared by an administrator, read and checked: the core process, the budgets voted
 * on in it, its eligibility policy, and the definition document it was read from (stored as is).
 *
 * @param process the process
 * @param budgets the budgets of the process (at least one)
 * @param policy who may do what
 * @param counting how the votes on its budgets are counted ({@link CountingDefinition})
 * @param document the definition document
 */
public record ProcessDefinition(ParticipatoryProcess process, List<BudgetId> budgets,
    EligibilityPolicy policy, CountingDefinition counting, JsonObject document) {

  /** Refuses nulls and copies the list. */
  public ProcessDefinition {
    Objects.requireNonNull(process, "process");
    budgets = List.copyOf(budgets);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(counting, "counting");
    Objects.requireNonNull(document, "document");
  }
}
