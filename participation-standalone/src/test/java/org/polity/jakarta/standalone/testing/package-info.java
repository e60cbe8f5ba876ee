/**
 * Tests of the standalone runtime: a small HTTP client signing in through the development headers.
 */
package org.polity.jakarta.standalone.testing;
