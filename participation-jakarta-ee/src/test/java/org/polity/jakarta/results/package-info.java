/**
 * Tests of the results service: publication and its event in a CDI container, the ballot decoder.
 */
package org.polity.jakarta.results;
