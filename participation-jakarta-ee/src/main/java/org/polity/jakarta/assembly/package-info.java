/**
 * The pool of a citizens' assembly: staff declare which features a process's pool asks (gender, age
 * band, district, language...), residents volunteer to be drawn online or at the desk, under the
 * process's {@code BE_DRAWN} rule, once each, and staff export the pool in the people file format
 * of {@code polity sortition} ({@link org.polity.sortition.SortitionCsv}). {@link
 * org.polity.jakarta.assembly.PoolService} applies the rules; {@link
 * org.polity.jakarta.assembly.PoolResource} translates HTTP.
 */
package org.polity.jakarta.assembly;
