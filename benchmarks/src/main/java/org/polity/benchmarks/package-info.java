/**
 * Benchmarks that print tables of figures; they are programs, never tests, and assert nothing.
 * {@link org.polity.benchmarks.CountingBenchmark} times each counting rule on every shared Pabulib
 * instance.
 */
package org.polity.benchmarks;
