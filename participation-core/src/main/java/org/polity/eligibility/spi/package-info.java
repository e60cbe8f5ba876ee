/**
 * Extension points of eligibility: {@link org.polity.eligibility.spi.CensusSource} (a census list
 * or population register consulted by participant key) and {@link
 * org.polity.eligibility.spi.CensusSourceProvider}, found by {@link java.util.ServiceLoader}, that
 * opens one from settings.
 */
package org.polity.eligibility.spi;
