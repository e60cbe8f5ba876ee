package org.polity.jakarta.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.common.ProcessId;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.events.PhaseOpened;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.voting.VotingProducer;

/**
 * The scheduler starts with the application and opens a phase that its date calls for, with nobody
 * reading the process: the host hears {@link PhaseOpened} on its own.
 */
@ExtendWith(ArquillianExtension.class)
class PhaseSchedulerTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:scheduler;DB_CLOSE_DELAY=-1");
    System.setProperty(ProcessCapability.PHASES_CHECK_INTERVAL, "PT0.2S");
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
            ProcessCapability.class,
            VotingProducer.class,
            ClockProducer.class,
            EligibilityService.class,
            ProcessService.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            PhaseScheduler.class,
            DomainEventRecorder.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject Processes processes;
  @Inject DomainEventRecorder recorder;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
    System.clearProperty(ProcessCapability.PHASES_CHECK_INTERVAL);
  }

  @Test
  void theSchedulerOpensTheDuePhaseOnItsOwn() throws InterruptedException {
    ProcessId id = ProcessId.of("scheduled-" + Long.toHexString(System.nanoTime()));
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    StringBuilder schedule = new StringBuilder("\"" + now.minusDays(1) + "\"");
    for (int phase = 1; phase <= 10; phase++) {
      schedule.append(", \"").append(now.plusDays(10L * phase)).append('"');
    }
    String text =
        """
        {"title": {"en": "Scheduled"}, "zone": "UTC", "progression": "BY_DATES",
         "template": "shared-budget", "schedule": [%s],
         "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"}}}
        """
            .formatted(schedule);
    try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
      JsonObject document = reader.readObject();
      processes.declare(id, document);
    }

    List<String> opened = List.of();
    for (int wait = 0; wait < 200 && opened.isEmpty(); wait++) { // up to 20 s on a loaded machine
      Thread.sleep(100);
      opened =
          recorder.events().stream()
              .filter(PhaseOpened.class::isInstance)
              .map(PhaseOpened.class::cast)
              .filter(e -> e.process().equals(id))
              .map(PhaseOpened::phase)
              .toList();
    }
    assertThat(opened).containsExactly("information");
  }
}
