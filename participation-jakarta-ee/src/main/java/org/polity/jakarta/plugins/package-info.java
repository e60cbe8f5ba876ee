/**
 * Plugins: {@link org.polity.jakarta.plugins.Plugins} finds the implementations of an SPI both with
 * {@link java.util.ServiceLoader} (jars listing them in {@code META-INF/services}) and as CDI beans
 * of the host portal, through one mechanism.
 */
package org.polity.jakarta.plugins;
