/**
 * What every capability of Polity shares: multilingual text and the one way to write it ({@link
 * org.polity.common.Texts}), amounts of money, the identifiers by which aggregates refer to each
 * other, and the one way core finds plugins ({@link org.polity.common.PluginLoader}).
 */
package org.polity.common;
