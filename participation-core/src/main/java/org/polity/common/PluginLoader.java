package org.polity.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one way core finds the implementations of an SPI (a {@link
 * org.polity.counting.spi.CountingRule}, a {@link org.polity.eligibility.spi.CensusSourceProvider},
 * a {@link org.polity.sortition.spi.SelectionAlgorithm}): {@link ServiceLoader}, with one class
 * loader policy.
 *
 * <pre>{@code
 * List<SelectionAlgorithm> algorithms = PluginLoader.all(SelectionAlgorithm.class);
 * }</pre>
 *
 * <p><b>Class loader policy.</b> Plugins are searched with {@linkplain #classLoader(Class) the
 * class loader that loaded the SPI interface}, that is, Polity's core: a plugin is found when its
 * jar lists the implementation in {@code META-INF/services/<the SPI's name>} and lies beside core
 * (the class path of {@code polity}, an application's {@code WEB-INF/lib}). The thread's context
 * class loader is never consulted, so what is found does not depend on the thread that asks. A host
 * that loads plugins through a class loader of its own passes it ({@link #all(Class,
 * ClassLoader)}), or, in the Jakarta EE adapter, declares them as CDI beans.
 *
 * <p><b>Order.</b> Providers come in {@link ServiceLoader}'s order (class-path order, then the
 * order of each {@code META-INF/services} file), each implementation class once. Where plugins are
 * chosen by name, the first one with the name wins.
 */
public final class PluginLoader {

  private PluginLoader() {}

  /**
   * The class loader plugins of an SPI are searched with: the SPI interface's own.
   *
   * @param spi the SPI interface
   * @return its class loader (the system class loader for a bootstrap class)
   */
  public static ClassLoader classLoader(Class<?> spi) {
    ClassLoader loader = spi.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  /**
   * The providers of an SPI, not yet instantiated (so that a caller can read an annotation of the
   * implementation class first), with {@linkplain #classLoader(Class) the policy's class loader}.
   *
   * @param spi the SPI interface
   * @param <T> its type
   * @return the providers, in class-path order, each implementation class once
   * @throws java.util.ServiceConfigurationError when a listed provider cannot be loaded
   */
  public static <T> List<ServiceLoader.Provider<T>> providers(Class<T> spi) {
    return providers(spi, classLoader(spi));
  }

  /**
   * The providers of an SPI visible to a class loader.
   *
   * @param spi the SPI interface
   * @param loader the class loader to search
   * @param <T> its type
   * @return the providers, in class-path order, each implementation class once
   */
  public static <T> List<ServiceLoader.Provider<T>> providers(Class<T> spi, ClassLoader loader) {
    Objects.requireNonNull(spi, "spi");
    Objects.requireNonNull(loader, "loader");
    List<ServiceLoader.Provider<T>> providers = new ArrayList<>();
    Set<Class<?>> types = new HashSet<>();
    for (ServiceLoader.Provider<T> provider : ServiceLoader.load(spi, loader).stream().toList()) {
      if (types.add(provider.type())) {
        providers.add(provider);
      }
    }
    return List.copyOf(providers);
  }

  /**
   * A new instance of every implementation of an SPI, with {@linkplain #classLoader(Class) the
   * policy's class loader}.
   *
   * @param spi the SPI interface
   * @param <T> its type
   * @return the instances, in class-path order, one per implementation class
   */
  public static <T> List<T> all(Class<T> spi) {
    return all(spi, classLoader(spi));
  }

  /**
   * A new instance of every implementation of an SPI visible to a class loader.
   *
   * @param spi the SPI interface
   * @param loader the class loader to search
   * @param <T> its type
   * @return the instances, in class-path order, one per implementation class
   */
  public static <T> List<T> all(Class<T> spi, ClassLoader loader) {
    return providers(spi, loader).stream().map(ServiceLoader.Provider::get).toList();
  }
}
