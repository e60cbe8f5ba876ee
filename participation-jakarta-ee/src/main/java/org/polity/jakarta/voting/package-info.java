/**
 * The ballot box on a database: {@link org.polity.jakarta.voting.JpaBallotBox} records one counted
 * ballot per participant per budget, enforced by a unique constraint and a transaction so that
 * several nodes can share one database, keeps the ballot contents ({@link
 * org.polity.jakarta.voting.BallotRecord}) apart from the record of who took part ({@link
 * org.polity.jakarta.voting.ParticipationRecord}), and fires {@link
 * org.polity.jakarta.voting.BallotCast} once a ballot is committed.
 */
package org.polity.jakarta.voting;
