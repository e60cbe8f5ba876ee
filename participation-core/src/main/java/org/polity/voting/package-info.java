/**
 * One person, one vote: the {@link org.polity.voting.BallotBox} contract (online, desk-encoded
 * paper and booth ballots; replacement until the close; second encoders), the one rule that decides
 * whether a ballot is accepted ({@link org.polity.voting.CastPolicy}), its value types and
 * outcomes, receipts that let voters check their ballot is counted, and an in-memory
 * implementation. Ballots are stored apart from the participation register and are not linkable to
 * participants.
 */
package org.polity.voting;
