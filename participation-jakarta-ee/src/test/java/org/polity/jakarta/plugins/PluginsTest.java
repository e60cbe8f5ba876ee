package org.polity.jakarta.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.counting.CountingRules;
import org.polity.counting.internal.GreedyRule;
import org.polity.counting.internal.MesRule;
import org.polity.counting.internal.PhragmenRule;
import org.polity.counting.spi.CountingRule;
import org.polity.eligibility.InMemoryCensus;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;
import org.polity.jakarta.results.FewestVotesFirstRule;

/**
 * Plugin beans in a real Weld container: each created once, destroyed at shutdown, found with the
 * {@link java.util.ServiceLoader} ones in one documented order.
 */
class PluginsTest {

  /** A census plugin declared as a {@code @Dependent} CDI bean that counts its life cycle. */
  @Dependent
  public static class CountingRegister implements CensusSourceProvider {
    static final AtomicInteger CREATED = new AtomicInteger();
    static final AtomicInteger DESTROYED = new AtomicInteger();

    /** Counts the creation. */
    public CountingRegister() {
      CREATED.incrementAndGet();
    }

    @Override
    public String kind() {
      return "counting-register";
    }

    @Override
    public CensusSource open(CensusSettings settings) {
      return new InMemoryCensus(LocalizedText.of("en", "counting register"), List.of());
    }

    @PreDestroy
    void destroyed() {
      DESTROYED.incrementAndGet();
    }
  }

  @Test
  void aDependentPluginBeanIsCreatedOnceAndDestroyedWithTheApplication() {
    CountingRegister.CREATED.set(0);
    CountingRegister.DESTROYED.set(0);
    Weld weld = new Weld().disableDiscovery().addBeanClasses(Plugins.class, CountingRegister.class);
    try (var container = weld.initialize()) {
      Plugins plugins = container.select(Plugins.class).get();
      for (int call = 0; call < 5; call++) {
        assertThat(plugins.censusKinds()).contains("counting-register", "csv");
      }
      assertThat(CountingRegister.CREATED).hasValue(1);
      assertThat(CountingRegister.DESTROYED).hasValue(0);
    }
    assertThat(CountingRegister.DESTROYED).hasValue(1);
  }

  @Test
  void cdiBeansComeFirstByClassNameThenServiceLoadersEachImplementationOnce() {
    Weld weld =
        new Weld()
            .disableDiscovery()
            .addBeanClasses(Plugins.class, FewestVotesFirstRule.class, GreedyRule.class);
    try (var container = weld.initialize()) {
      Plugins plugins = container.select(Plugins.class).get();
      List<CountingRule> rules = plugins.all(CountingRule.class);
      assertThat(rules).hasSize(4);
      assertThat(rules.get(0)).isInstanceOf(GreedyRule.class); // the bean, not a second copy
      assertThat(rules.get(1)).isInstanceOf(FewestVotesFirstRule.class);
      assertThat(rules.get(2)).isInstanceOf(MesRule.class);
      assertThat(rules.get(3)).isInstanceOf(PhragmenRule.class);
      assertThat(plugins.countingRuleNames())
          .containsExactly("greedy", "mes", "phragmen", "test-fewest-votes-first");
      assertThat(plugins.countingRule("test-fewest-votes-first"))
          .isInstanceOf(FewestVotesFirstRule.class);
      assertThatThrownBy(() -> plugins.countingRule("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[greedy, mes, phragmen, test-fewest-votes-first]")
          .hasMessageContaining("CDI bean");
    }
    assertThat(Plugins.serviceLoaderOnly().countingRuleNames())
        .containsExactlyElementsOf(CountingRules.names());
  }
}
