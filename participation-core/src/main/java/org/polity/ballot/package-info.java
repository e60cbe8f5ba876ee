/**
 * Ballots: what a voter hands in (approval, cardinal scores, cumulative points, ranking), and the
 * ballot form of an edition that says which ballots are valid.
 */
package org.polity.ballot;
