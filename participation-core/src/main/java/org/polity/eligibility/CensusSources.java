package org.polity.eligibility;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.polity.common.PluginLoader;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;

/**
 * Opens census sources through the {@link CensusSourceProvider}s on the class path ({@link
 * ServiceLoader}, with {@link PluginLoader}'s class loader policy): {@code csv} from core, and
 * whatever a municipality adds.
 *
 * <pre>{@code
 * CensusSource register = CensusSources.open(new CensusSettings("csv",
 *     LocalizedText.of("fr", "la liste des habitants").with("nl", "de inwonerslijst"),
 *     Map.of("file", "/etc/polity/census.csv", "column", "nrn"), keyer));
 * }</pre>
 */
public final class CensusSources {

  private CensusSources() {}

  /**
   * The kinds available on the class path.
   *
   * @param loader the class loader to search
   * @return the kinds, e.g. {@code [csv]}
   */
  public static List<String> kinds(ClassLoader loader) {
    List<String> kinds = new ArrayList<>();
    for (CensusSourceProvider provider : PluginLoader.all(CensusSourceProvider.class, loader)) {
      kinds.add(provider.kind());
    }
    return List.copyOf(kinds);
  }

  /**
   * Opens a source with the provider of the settings' kind, searched with {@link PluginLoader}'s
   * class loader policy.
   *
   * @param settings the kind, name, options and keyer
   * @return the source
   * @throws IOException if the register cannot be read
   * @throws IllegalArgumentException naming the available kinds if none matches
   */
  public static CensusSource open(CensusSettings settings) throws IOException {
    return open(settings, PluginLoader.classLoader(CensusSourceProvider.class));
  }

  /**
   * Opens a source with the provider of the settings' kind.
   *
   * @param settings the kind, name, options and keyer
   * @param loader the class loader to search
   * @return the source
   * @throws IOException if the register cannot be read
   */
  public static CensusSource open(CensusSettings settings, ClassLoader loader) throws IOException {
    Objects.requireNonNull(settings, "settings");
    for (CensusSourceProvider provider : PluginLoader.all(CensusSourceProvider.class, loader)) {
      if (provider.kind().equals(settings.kind())) {
        return provider.open(settings);
      }
    }
    throw new IllegalArgumentException(
        "No census provider of kind '"
            + settings.kind()
            + "': available kinds are "
            + kinds(loader)
            + "; add the provider's jar to the class path.");
  }
}
