package org.polity.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.polity.counting.CountingRules;
import org.polity.counting.spi.CountingRule;
import org.polity.sortition.Sortition;
import org.polity.sortition.spi.SelectionAlgorithm;

/** Core's one plugin lookup: ServiceLoader, with the SPI's class loader, each class once. */
class PluginLoaderTest {

  @Test
  void findsTheBuiltInPluginsInClassPathOrderEachClassOnce() {
    assertThat(PluginLoader.providers(CountingRule.class))
        .extracting(provider -> provider.type().getSimpleName())
        .containsExactly("GreedyRule", "MesRule", "PhragmenRule");
    assertThat(PluginLoader.all(SelectionAlgorithm.class))
        .extracting(SelectionAlgorithm::name)
        .containsExactlyElementsOf(Sortition.available());
    assertThat(CountingRules.names()).containsExactly("greedy", "mes", "phragmen");
  }

  @Test
  void searchesWithTheSpisClassLoaderNeverTheThreadsContextLoader() {
    assertThat(PluginLoader.classLoader(CountingRule.class))
        .isSameAs(CountingRule.class.getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      thread.setContextClassLoader(empty);
      assertThat(ServiceLoader.load(CountingRule.class).stream()).isEmpty();
      assertThat(PluginLoader.all(CountingRule.class)).hasSize(3);
      assertThat(CountingRules.names()).contains("mes");
      assertThat(Sortition.available()).contains("leximin");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } finally {
      thread.setContextClassLoader(saved);
    }
  }
}
