package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
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
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.health.DatabaseHealthCheck;
import org.polity.jakarta.persistence.PolityDatabase;

/**
 * The CDI wiring of the adapter in an Arquillian deployment on the Weld embedded container: the
 * settings producer, the database (Flyway and JPA on an in-memory H2), the ballot box, the health
 * check, and a host's observer of {@link BallotCast}.
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
        .addClasses(SettingsProducer.class, PolitySettings.class, PolityDatabase.class,
            ParticipantKeys.class, JpaBallotBox.class, DatabaseHealthCheck.class,
            BallotCastRecorder.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject JpaBallotBox ballotBox;
  @Inject ParticipantKeys keys;
  @Inject @Readiness DatabaseHealthCheck health;
  @Inject BallotCastRecorder recorder;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  @Test
  void participantKeysAreStableAndDistinct() {
    assertThat(keys.participantKey("alice")).isEqualTo(keys.participantKey("alice"))
        .isNotEqualTo(keys.participantKey("bob"));
    String key = keys.participantKey("alice");
    assertThat(keys.slot(key, BudgetId.of("b1"))).isNotEqualTo(keys.slot(key, BudgetId.of("b2")));
  }

  @Test
  void aCommittedBallotFiresOneEventWithoutTheParticipant() {
    String key = keys.participantKey("carol");
    CastOutcome outcome = ballotBox.cast(key, BudgetId.of("cdi"), Ballot.Approval.of(ProjectId.of("p1")),
        JpaBallotBox.Channel.ONLINE);
    assertThat(outcome).isInstanceOf(CastOutcome.Accepted.class);
    String receipt = ((CastOutcome.Accepted) outcome).receiptCode();
    assertThat(recorder.events()).containsExactly(new BallotCast(BudgetId.of("cdi"), receipt, false));
    assertThat(ballotBox.verify(receipt)).isPresent();
    assertThat(ballotBox.hasVoted(key, BudgetId.of("cdi"))).isTrue();
  }

  @Test
  void theHealthCheckSeesTheDatabase() {
    HealthCheckResponse response = health.call();
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getName()).isEqualTo(DatabaseHealthCheck.NAME);
  }
}
