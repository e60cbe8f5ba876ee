/**
 * Domain events fired as CDI events after their transaction committed, for the host portal to
 * observe (notifications, search indexing): {@link org.polity.jakarta.events.IdeaSubmitted}, {@link
 * org.polity.jakarta.events.ProjectStatusChanged}, {@link org.polity.jakarta.events.PhaseOpened},
 * {@link org.polity.jakarta.events.ResultsPublished}, and {@link
 * org.polity.jakarta.voting.BallotCast} for ballots. They name processes, projects and phases,
 * never a participant.
 */
package org.polity.jakarta.events;
