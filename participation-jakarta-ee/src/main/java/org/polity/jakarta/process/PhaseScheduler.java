package org.polity.jakarta.process;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Moves the phases of processes that follow their dates when the dates come, so that a host portal
 * observing {@link org.polity.jakarta.events.PhaseOpened} hears of a vote's opening at the time,
 * not when somebody next reads the process. Starts with the application; checks every {@value
 * ProcessCapability#PHASES_CHECK_INTERVAL} (one minute by default; {@code PT0S} turns it off).
 *
 * <p>In a Jakarta EE server it runs on the server's default managed scheduled executor ({@code
 * java:comp/DefaultManagedScheduledExecutorService}); elsewhere (the standalone server, Weld SE) on
 * one daemon thread of its own, stopped with the application.
 */
@ApplicationScoped
public class PhaseScheduler {

  private static final Logger LOG = Logger.getLogger(PhaseScheduler.class.getName());
  private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";

  @Inject ProcessService processes;

  private Duration interval;
  private ScheduledExecutorService executor;
  private boolean ownExecutor;

  /** Creates the bean; CDI calls it. */
  public PhaseScheduler() {}

  /**
   * Starts the periodic checks when the application starts.
   *
   * @param started the application context's initialisation (CDI fires it)
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    interval = ProcessCapability.checkInterval(ConfigProvider.getConfig());
    if (interval.isZero()) {
      LOG.info(
          () ->
              "Date-driven phase moves are checked only when a process is read ("
                  + ProcessCapability.PHASES_CHECK_INTERVAL
                  + " = PT0S).");
      return;
    }
    executor = managedExecutor();
    if (executor == null) {
      ownExecutor = true;
      executor =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "polity-phase-scheduler");
                thread.setDaemon(true);
                return thread;
              });
    }
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::check, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** One round: a failure is logged and the next round tries again. */
  void check() {
    try {
      processes.advanceByDates();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The date-driven phase moves could not be made; next try in " + interval + ".",
          e);
    }
  }

  @PreDestroy
  void stop() {
    if (executor != null && ownExecutor) {
      executor.shutdownNow();
    }
    executor = null;
  }

  private static ScheduledExecutorService managedExecutor() {
    try {
      Object found = new InitialContext().lookup(MANAGED_EXECUTOR);
      return found instanceof ScheduledExecutorService scheduled ? scheduled : null;
    } catch (NamingException | RuntimeException e) {
      return null; // no JNDI (Weld SE): the scheduler makes its own thread
    }
  }
}
