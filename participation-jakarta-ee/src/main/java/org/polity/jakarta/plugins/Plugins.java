package org.polity.jakarta.plugins;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;
import org.polity.sortition.spi.SelectionAlgorithm;

/**
 * The one way the adapter finds plugins: the implementations of an SPI interface are the CDI beans
 * of that type (a portal declares its census register as an {@code @ApplicationScoped} bean, with
 * injection) followed by those listed for {@link ServiceLoader} in {@code META-INF/services} (a
 * plain jar on the class path). A class found both ways counts once, as the CDI bean.
 *
 * <pre>{@code
 * @Inject Plugins plugins;
 * CensusSource register = plugins.censusSource(settings);     // by kind
 * List<SelectionAlgorithm> all = plugins.all(SelectionAlgorithm.class);
 * }</pre>
 */
@ApplicationScoped
public class Plugins {

  @Inject @Any Instance<Object> beans;

  private final ClassLoader loader = Plugins.class.getClassLoader();
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
   * Every implementation of an SPI: CDI beans first (in no particular order), then the {@link
   * ServiceLoader} ones in class-path order, each implementation class once.
   *
   * @param spi the SPI interface
   * @param <T> its type
   * @return the implementations
   */
  @SuppressWarnings("unchecked") // the map's value for spi was built as a List<T>
  public <T> List<T> all(Class<T> spi) {
    Objects.requireNonNull(spi, "spi");
    return (List<T>) found.computeIfAbsent(spi, this::lookUp);
  }

  private <T> List<T> lookUp(Class<T> spi) {
    List<T> plugins = new ArrayList<>();
    Set<Class<?>> classes = new HashSet<>();
    if (beans != null) {
      for (Instance.Handle<T> handle : beans.select(spi).handles()) {
        classes.add(handle.getBean().getBeanClass());
        plugins.add(handle.get());
        if (handle.getBean().getScope() == Dependent.class) {
          handles.add(handle); // normal-scoped beans are destroyed by their own context
        }
      }
    }
    for (ServiceLoader.Provider<T> provider : ServiceLoader.load(spi, loader).stream().toList()) {
      if (classes.add(provider.type())) {
        plugins.add(provider.get());
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
