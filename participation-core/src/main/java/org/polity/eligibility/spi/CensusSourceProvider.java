package org.polity.eligibility.spi;

import java.io.IOException;

/**
 * Opens census sources of one kind; found with {@link java.util.ServiceLoader} through {@link
 * org.polity.common.PluginLoader} (in the Jakarta EE adapter, CDI beans too; list the class in
 * {@code META-INF/services/org.polity.eligibility.spi.CensusSourceProvider}). Core provides the
 * kind {@code csv}; a municipality adds, say, {@code auderghem-register}.
 */
public interface CensusSourceProvider {

  /**
   * The kind this provider opens, e.g. {@code csv}.
   *
   * @return the kind
   */
  String kind();

  /**
   * Opens a source.
   *
   * @param settings the name, options and keyer
   * @return the source
   * @throws IOException if the register cannot be read
   * @throws IllegalArgumentException if an option is missing or malformed
   */
  CensusSource open(CensusSettings settings) throws IOException;
}
