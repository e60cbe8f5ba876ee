package org.polity.jakarta.config;

import java.util.List;

/**
 * Polity cannot start because its configuration is incomplete or wrong. The message lists every
 * problem found, each naming the key, the value seen and what to set instead, so that an operator
 * fixes all of them in one go.
 */
public final class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * A configuration failure.
   *
   * @param problems one sentence per problem; not empty
   */
  public ConfigurationException(List<String> problems) {
    super(
        "Polity's configuration is not usable ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems found.
   *
   * @return one sentence per problem
   */
  public List<String> problems() {
    return problems;
  }
}
