/**
 * Tests of the adapter's eligibility: refusals as values, with the members of problem documents.
 */
package org.polity.jakarta.eligibility;
