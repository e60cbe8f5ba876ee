package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.voting.BallotBox;

/**
 * Makes core's voting services injectable: the {@link BallotBox} (on the database, on the
 * application's {@link Clock}, firing {@link BallotCast} CDI events after each commit) and the
 * {@link ParticipantKeyer}.
 */
@ApplicationScoped
public class VotingProducer {

  @Inject PolityDatabase database;
  @Inject PolitySettings settings;
  @Inject Event<BallotCast> ballotCast;
  @Inject Clock clock;

  /** Creates the producer; CDI calls it. */
  public VotingProducer() {}

  /**
   * The ballot box of the application.
   *
   * @return the database ballot box
   */
  @Produces
  @ApplicationScoped
  public BallotBox ballotBox() {
    return new JpaBallotBox(
        database,
        settings.ballotSlotSecret(),
        clock,
        new PerThreadSecureRandom(),
        ballotCast::fire);
  }

  /**
   * The participant keyer configured by {@code polity.participant-key.*}.
   *
   * @return the keyer
   */
  @Produces
  public ParticipantKeyer participantKeyer() {
    return settings.participantKeyer();
  }
}
