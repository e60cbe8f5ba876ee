package org.polity.jakarta.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.polity.common.PluginLoader;
import org.polity.counting.RuleName;
import org.polity.counting.spi.CountingRule;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;
import org.polity.sortition.spi.SelectionAlgorithm;

/**
 * The one way the adapter finds plugins: the implementations of an SPI interface are the CDI beans
 * of that type (a portal declares its census register or its counting rule as an
 * {@code @ApplicationScoped} bean, with injection) followed by those listed for {@link
 * ServiceLoader} in {@code META-INF/services} (a plain jar on the class path), found by core's
 * {@link PluginLoader} with its class loader policy (the loader of the SPI interface, never the
 * thread's context loader). Counting definitions, results, eligibility rules and census sources all
 * ask this bean; no code of the adapter calls {@link ServiceLoader} or core's {@code CountingRules}
 * itself.
 *
 * <p><b>Order.</b> The CDI beans come first, sorted by the name of their bean class, then the
 * {@link ServiceLoader} providers in class-path order; an implementation class found both ways
 * counts once, as the CDI bean. Where a plugin is chosen by name (a counting rule's {@link
 * RuleName}, a census kind, an algorithm's name), the first in this order wins, so a portal's bean
 * replaces a built-in plugin of the same name.
 *
 * <pre>{@code
 * @Inject Plugins plugins;
 * CensusSource register = plugins.censusSource(settings);     // by kind
 * CountingRule rule = plugins.countingRule("mes");            // by @RuleName
 * List<SelectionAlgorithm> all = plugins.all(SelectionAlgorithm.class);
 * }</pre>
 */
@ApplicationScoped
public class Plugins {

  @Inject @Any Instance<Object> beans;

  private final Map<Class<?>, List<?>> found = new ConcurrentHashMap<>();
  private final List<Instance.Handle<?>> handles = new CopyOnWriteArrayList<>();

  /** Creates the bean; CDI calls it. */
  public Plugins() {}

  /**
   * Plugins found outside CDI only (tools, tests): the {@link ServiceLoader} half.
   *
   * @return plugins without CDI beans
   */
  public static Plugins serviceLoaderOnly() {
    return new Plugins();
  }

  /**
   * Every implementation of an SPI, in the {@linkplain Plugins order above}: CDI beans first (by
   * bean class name), then the {@link ServiceLoader} ones in class-path order, each implementation
   * class once.
   *
   * @param spi the SPI interface
   * @param <T> its type
   * @return the implementations
   */
  public <T> List<T> all(Class<T> spi) {
    return found(spi).stream().map(Found::plugin).toList();
  }

  @SuppressWarnings("unchecked") // the map's value for spi was built as a List<Found<T>>
  private <T> List<Found<T>> found(Class<T> spi) {
    Objects.requireNonNull(spi, "spi");
    return (List<Found<T>>) found.computeIfAbsent(spi, this::lookUp);
  }

  /** A plugin and its implementation class (not a CDI proxy's), whose annotations name it. */
  private record Found<T>(Class<?> type, T plugin) {}

  private <T> List<Found<T>> lookUp(Class<T> spi) {
    List<Found<T>> plugins = new ArrayList<>();
    Set<Class<?>> classes = new HashSet<>();
    if (beans != null) {
      List<Instance.Handle<T>> candidates = new ArrayList<>();
      beans.select(spi).handles().forEach(candidates::add);
      candidates.sort(
          Comparator.comparing(
              (Instance.Handle<T> handle) -> handle.getBean().getBeanClass().getName()));
      for (Instance.Handle<T> handle : candidates) {
        T plugin = handle.get();
        Class<?> beanClass = handle.getBean().getBeanClass();
        // A producer method's bean class is the class declaring it; its product is the plugin.
        Class<?> type = spi.isAssignableFrom(beanClass) ? beanClass : plugin.getClass();
        classes.add(type);
        plugins.add(new Found<>(type, plugin));
        if (handle.getBean().getScope() == Dependent.class) {
          handles.add(handle); // normal-scoped beans are destroyed by their own context
        }
      }
    }
    for (ServiceLoader.Provider<T> provider : PluginLoader.providers(spi)) {
      if (classes.add(provider.type())) {
        plugins.add(new Found<>(provider.type(), provider.get()));
      }
    }
    return List.copyOf(plugins);
  }

  /** Destroys the {@code @Dependent} plugin beans this bean created; CDI calls it at shutdown. */
  @PreDestroy
  void destroyPlugins() {
    handles.forEach(Instance.Handle::destroy);
    handles.clear();
    found.clear();
  }

  /**
   * The census source providers, by kind (CDI beans and {@code ServiceLoader}).
   *
   * @return the kinds available, e.g. {@code [csv, auderghem-register]}
   */
  public List<String> censusKinds() {
    return all(CensusSourceProvider.class).stream().map(CensusSourceProvider::kind).toList();
  }

  /**
   * Opens a census source with the provider of the settings' kind.
   *
   * @param settings the kind, name, options and keyer
   * @return the source
   * @throws IOException if the register cannot be read
   * @throws IllegalArgumentException naming the available kinds when none matches
   */
  public CensusSource censusSource(CensusSettings settings) throws IOException {
    CensusSourceProvider provider =
        byName(
            CensusSourceProvider.class,
            settings.kind(),
            CensusSourceProvider::kind,
            "census provider");
    return provider.open(settings);
  }

  /**
   * The names of the sortition algorithms available (CDI beans and {@code ServiceLoader}).
   *
   * @return the names, e.g. {@code [leximin, legacy, ...]}
   */
  public List<String> selectionAlgorithmNames() {
    return all(SelectionAlgorithm.class).stream().map(SelectionAlgorithm::name).toList();
  }

  /**
   * A sortition algorithm by name (case-insensitive).
   *
   * @param name the name, e.g. {@code leximin}
   * @return the algorithm
   * @throws IllegalArgumentException naming the available algorithms when none matches
   */
  public SelectionAlgorithm selectionAlgorithm(String name) {
    return byName(SelectionAlgorithm.class, name, SelectionAlgorithm::name, "selection algorithm");
  }

  /**
   * The names of the counting rules available (CDI beans and {@code ServiceLoader}), sorted.
   *
   * @return the names, e.g. {@code [greedy, mes, phragmen]}
   */
  public List<String> countingRuleNames() {
    return countingRules().keySet().stream().sorted().toList();
  }

  /**
   * A counting rule by its {@link RuleName} (exact).
   *
   * @param name the name, e.g. {@code mes}
   * @return the rule
   * @throws IllegalArgumentException naming the available rules when none matches
   */
  public CountingRule countingRule(String name) {
    CountingRule rule = countingRules().get(name);
    if (rule == null) {
      throw new IllegalArgumentException(
          "There is no counting rule named '"
              + name
              + "': use one of "
              + countingRuleNames()
              + "; add the plugin's jar to the class path or declare it as a CDI bean.");
    }
    return rule;
  }

  private Map<String, CountingRule> countingRules() {
    Map<String, CountingRule> rules = new LinkedHashMap<>();
    for (Found<CountingRule> rule : found(CountingRule.class)) {
      RuleName name = rule.type().getAnnotation(RuleName.class);
      if (name == null) {
        throw new IllegalStateException(
            "The counting rule "
                + rule.type().getName()
                + " has no @RuleName: annotate it with its name, e.g. @RuleName(\"mes\").");
      }
      rules.putIfAbsent(name.value(), rule.plugin());
    }
    return rules;
  }

  private <T> T byName(Class<T> spi, String name, Function<T, String> nameOf, String what) {
    List<T> all = all(spi);
    for (T plugin : all) {
      if (nameOf.apply(plugin).equalsIgnoreCase(name)) {
        return plugin;
      }
    }
    throw new IllegalArgumentException(
        "No "
            + what
            + " named '"
            + name
            + "': available are "
            + all.stream().map(nameOf).toList()
            + "; add the plugin's jar to the class path or declare"
            + " it as a CDI bean.");
  }
}
