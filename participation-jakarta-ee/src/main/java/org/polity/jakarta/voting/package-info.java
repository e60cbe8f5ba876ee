/**
 * The voting capability of the adapter: {@link org.polity.jakarta.voting.VotingService}, its
 * application service (the use cases that the REST resources and a host portal's code call), the
 * thin REST resources and their one outcome-to-HTTP mapping, the JSON codecs, and the ballot box on
 * a database: {@link org.polity.jakarta.voting.JpaBallotBox} records one counted ballot per
 * participant per budget, enforced by a unique constraint and a transaction so that several nodes
 * can share one database, keeps the ballot contents ({@link
 * org.polity.jakarta.voting.BallotRecord}) apart from the record of who took part ({@link
 * org.polity.jakarta.voting.ParticipationRecord}), and fires {@link
 * org.polity.jakarta.voting.BallotCast} once a ballot is committed.
 */
package org.polity.jakarta.voting;
