/** Benchmarks: run on demand (they print figures and assert nothing about speed). */
package org.polity.jakarta.bench;
