package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.polity.testing.MutableClock;

/** The application's clock in a test deployment: one the test moves, instead of the system's. */
@ApplicationScoped
public class TestClockProducer {

  /** The clock every bean of the deployment gets. */
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));

  /**
   * The test's clock.
   *
   * @return the clock
   */
  @Produces
  @Singleton
  Clock clock() {
    return CLOCK;
  }
}
