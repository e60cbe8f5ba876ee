package org.polity.counting;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.polity.common.PluginLoader;
import org.polity.counting.spi.CountingRule;

/**
 * Finds counting rules by name among the {@link CountingRule} implementations registered with
 * {@link ServiceLoader} (each annotated with {@link RuleName}), found by {@link PluginLoader} (its
 * class loader policy; the first rule of a name wins). Polity provides {@code greedy}, {@code mes}
 * and {@code phragmen}; plugins may add more. The Jakarta EE adapter finds CDI beans as well.
 */
public final class CountingRules {

  private CountingRules() {}

  /**
   * The rule with a name.
   *
   * @param name e.g. {@code mes}
   * @return the rule
   * @throws IllegalArgumentException when no rule has that name (the message lists the names)
   */
  public static CountingRule named(String name) {
    Map<String, ServiceLoader.Provider<CountingRule>> rules = providers();
    ServiceLoader.Provider<CountingRule> provider = rules.get(name);
    if (provider == null) {
      throw new IllegalArgumentException(
          "There is no counting rule named '" + name + "': use one of " + rules.keySet() + ".");
    }
    return provider.get();
  }

  /**
   * @return the names of the rules found, sorted
   */
  public static List<String> names() {
    return List.copyOf(providers().keySet());
  }

  private static Map<String, ServiceLoader.Provider<CountingRule>> providers() {
    Map<String, ServiceLoader.Provider<CountingRule>> rules = new TreeMap<>();
    PluginLoader.providers(CountingRule.class)
        .forEach(
            provider -> {
              RuleName name = provider.type().getAnnotation(RuleName.class);
              if (name == null) {
                throw new IllegalStateException(
                    "The counting rule "
                        + provider.type().getName()
                        + " has no @RuleName: annotate it with its name, e.g. @RuleName(\"mes\").");
              }
              rules.putIfAbsent(name.value(), provider);
            });
    return rules;
  }
}
