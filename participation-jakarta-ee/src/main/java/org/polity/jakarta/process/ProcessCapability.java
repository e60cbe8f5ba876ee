package org.polity.jakarta.process;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;
import org.polity.jakarta.spi.Setting;

/**
 * The descriptor of participatory processes: {@code /api/v1/processes} (declare, read, move phases,
 * check one's eligibility), the date-driven phase moves and their setting, and the tables of
 * processes and projects (migration V2, shared with {@code project}).
 */
@ApplicationScoped
public class ProcessCapability implements Capability {

  /** {@code polity.phases.check-interval}: how often date-driven phase moves are made. */
  public static final String PHASES_CHECK_INTERVAL = "polity.phases.check-interval";

  /** The check interval when none is set. */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(1);

  private static final Setting CHECK_INTERVAL =
      Setting.of(
          PHASES_CHECK_INTERVAL,
          DEFAULT_CHECK_INTERVAL.toString(),
          "How often the phases of processes that follow their dates are moved and announced"
              + " (ISO-8601 duration); PT0S turns the checks off (phases then move when a process"
              + " is next read).",
          ProcessCapability::intervalProblem);

  /** Creates the descriptor; CDI calls it. */
  public ProcessCapability() {}

  @Override
  public String id() {
    return "process";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(ProcessResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "process.declare",
            "Declare or replace a process (phases, rules, budgets).",
            PolityRole.ADMINISTRATOR),
        Permission.of(
            "process.move-phase", "Move a process to another phase.", PolityRole.ADMINISTRATOR));
  }

  @Override
  public List<Setting> settings() {
    return List.of(CHECK_INTERVAL);
  }

  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/process");
  }

  /**
   * The check interval in effect ({@value #PHASES_CHECK_INTERVAL}), checked at start-up.
   *
   * @param config the configuration
   * @return the interval; zero turns the checks off
   */
  public static Duration checkInterval(Config config) {
    return CHECK_INTERVAL
        .value(config)
        .filter(v -> intervalProblem(v).isEmpty())
        .map(Duration::parse)
        .orElse(DEFAULT_CHECK_INTERVAL);
  }

  private static Optional<String> intervalProblem(String value) {
    try {
      if (Duration.parse(value).isNegative()) {
        return Optional.of(
            PHASES_CHECK_INTERVAL
                + " is negative ("
                + value
                + "): give a duration such as PT1M, or PT0S to turn the checks off.");
      }
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(
          PHASES_CHECK_INTERVAL
              + " is not an ISO-8601 duration ("
              + value
              + "): write it like PT1M (one minute) or PT30S.");
    }
  }
}
