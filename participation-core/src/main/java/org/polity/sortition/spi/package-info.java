/**
 * Extension point of sortition: a {@link org.polity.sortition.spi.SelectionAlgorithm} computes a
 * fair lottery over quota-satisfying panels; implementations are found by {@link
 * java.util.ServiceLoader} (a native-solver plugin would register one here).
 */
package org.polity.sortition.spi;
