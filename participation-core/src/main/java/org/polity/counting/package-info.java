/**
 * Counting the ballots of a participatory budget: the {@link org.polity.counting.Election} to
 * count, the {@link org.polity.counting.CountingOptions} (satisfaction measure, completion,
 * tie-breaking, thresholds and caps), and the {@link org.polity.counting.CountingResult} with an
 * {@link org.polity.counting.Explanation} for every project and the {@link
 * org.polity.counting.Tie}s the {@link org.polity.counting.TieBreaking} rule decided. Rules
 * (greedy, Method of Equal Shares, sequential Phragmén) are found by name through {@link
 * org.polity.counting.CountingRules}. Arithmetic is exact ({@link org.polity.counting.Rational}).
 */
package org.polity.counting;
