/**
 * Implementations of the counting rules (not API): the compiled profile with identical ballots
 * grouped, the partition of voters into classes of equal budget or load, and the greedy, Method of
 * Equal Shares and sequential Phragmén engines.
 */
package org.polity.counting.internal;
