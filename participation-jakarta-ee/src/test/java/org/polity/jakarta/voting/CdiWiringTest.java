package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.health.DatabaseHealthCheck;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.voting.BallotBox;
import org.polity.voting.CastOutcome;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.VoteSettings;

/**
 * The CDI wiring of the adapter in an Arquillian deployment on the Weld embedded container: the
 * settings producer, the database (Flyway and JPA on an in-memory H2), core's ballot box and
 * participant keyer as beans, the health check, and a host's observer of {@link BallotCast}.
 */
@ExtendWith(ArquillianExtension.class)
class CdiWiringTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:arquillian;DB_CLOSE_DELAY=-1");
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(
            SettingsProducer.class,
            PolitySettings.class,
            PolityDatabase.class,
            org.polity.jakarta.Capabilities.class,
            org.polity.jakarta.voting.VotingCapability.class,
            VotingProducer.class,
            ClockProducer.class,
            DatabaseHealthCheck.class,
            BallotCastRecorder.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;
  @Inject @Readiness DatabaseHealthCheck health;
  @Inject BallotCastRecorder recorder;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  @Test
  void participantKeysAreStableAndDistinct() {
    assertThat(keyer.key("alice")).isEqualTo(keyer.key("alice")).isNotEqualTo(keyer.key("bob"));
  }

  @Test
  void aCommittedBallotFiresOneEventWithoutTheParticipant() {
    BudgetId budget = BudgetId.of("cdi");
    ballotBox.open(
        VoteSettings.builder(budget)
            .opens(Instant.now().minusSeconds(60))
            .closes(Instant.now().plusSeconds(3600))
            .build());
    CastOutcome outcome =
        ballotBox.cast(
            new CastRequest(
                budget,
                keyer.key("carol"),
                Ballot.Approval.of(ProjectId.of("p1")),
                Channel.online()));
    assertThat(outcome).isInstanceOf(CastOutcome.Accepted.class);
    var receipt = ((CastOutcome.Accepted) outcome).receipt();
    assertThat(recorder.events()).containsExactly(new BallotCast(budget, receipt.hash(), false));
    assertThat(ballotBox.check(budget, receipt))
        .isEqualTo(new ReceiptCheck.Counted(Ballot.Approval.of(ProjectId.of("p1"))));
  }

  @Test
  void theHealthCheckSeesTheDatabase() {
    HealthCheckResponse response = health.call();
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getName()).isEqualTo(DatabaseHealthCheck.NAME);
  }
}
