/** Benchmarks that print figures; run by hand, never asserted by the build. */
package org.polity.benchmark;
