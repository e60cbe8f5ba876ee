package org.polity.jakarta.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of the application: every service injects {@code Clock} instead of calling {@code
 * Clock.systemUTC()}, so that tests (and a host portal) can replace it with an {@code @Alternative}
 * producer.
 */
@ApplicationScoped
public class ClockProducer {

  /** Creates the producer; CDI calls it. */
  public ClockProducer() {}

  /**
   * The system clock, in UTC.
   *
   * @return the clock
   */
  @Produces
  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }
}
