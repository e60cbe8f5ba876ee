/**
 * The extension point for counting rules: implement {@link org.polity.counting.spi.CountingRule},
 * annotate it with {@link org.polity.counting.RuleName}, and register it in {@code
 * META-INF/services/org.polity.counting.spi.CountingRule}.
 */
package org.polity.counting.spi;
