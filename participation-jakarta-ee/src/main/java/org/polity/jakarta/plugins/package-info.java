/**
 * Plugins: {@link org.polity.jakarta.plugins.Plugins} is the adapter's only way to find the
 * implementations of a core SPI (counting rules, census sources, selection algorithms): the host
 * portal's CDI beans, then core's {@link org.polity.common.PluginLoader} ({@link
 * java.util.ServiceLoader}), in one documented order.
 */
package org.polity.jakarta.plugins;
