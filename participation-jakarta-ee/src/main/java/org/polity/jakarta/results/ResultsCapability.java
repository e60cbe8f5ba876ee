package org.polity.jakarta.results;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Setting;

/**
 * The descriptor of results: {@code /api/v1/budgets/{id}/results} and the Pabulib export, both
 * public, and the published results' table (migration V4).
 */
@ApplicationScoped
public class ResultsCapability implements Capability {

  /** {@code polity.results.provisional-every}: the least time between two provisional counts. */
  public static final String PROVISIONAL_EVERY = "polity.results.provisional-every";

  /**
   * {@code polity.results.provisional-min-ballots}: the fewest new ballots for a new provisional
   * count (and for the first one).
   */
  public static final String PROVISIONAL_MIN_BALLOTS = "polity.results.provisional-min-ballots";

  private static final Setting EVERY =
      Setting.of(
          PROVISIONAL_EVERY,
          "PT15M",
          "The least time between two provisional counts of a running vote, shown to"
              + " administrators (ISO-8601 duration): a live count read twice around one person's"
              + " cast would tell that person's ballot (docs/integrity.md).",
          ResultsCapability::durationProblem);

  private static final Setting MIN_BALLOTS =
      Setting.of(
          PROVISIONAL_MIN_BALLOTS,
          "100",
          "The fewest ballots counted since the last provisional count (and before the first one)"
              + " for a new provisional count of a running vote.",
          ResultsCapability::countProblem);

  /** Creates the descriptor; CDI calls it. */
  public ResultsCapability() {}

  @Override
  public List<Setting> settings() {
    return List.of(EVERY, MIN_BALLOTS);
  }

  /**
   * The least time between two provisional counts ({@value #PROVISIONAL_EVERY}).
   *
   * @param config the configuration
   * @return the duration
   */
  public static Duration provisionalEvery(Config config) {
    return EVERY
        .value(config)
        .filter(v -> durationProblem(v).isEmpty())
        .map(Duration::parse)
        .orElse(Duration.ofMinutes(15));
  }

  /**
   * The fewest new ballots for a provisional count ({@value #PROVISIONAL_MIN_BALLOTS}).
   *
   * @param config the configuration
   * @return the number
   */
  public static long provisionalMinBallots(Config config) {
    return MIN_BALLOTS
        .value(config)
        .filter(v -> countProblem(v).isEmpty())
        .map(Long::parseLong)
        .orElse(100L);
  }

  private static Optional<String> durationProblem(String value) {
    try {
      return Duration.parse(value).isNegative()
          ? Optional.of("is negative (" + value + "): give a duration such as PT15M.")
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of("is not an ISO-8601 duration (" + value + "): write it like PT15M.");
    }
  }

  private static Optional<String> countProblem(String value) {
    return value.matches("\\d{1,9}")
        ? Optional.empty()
        : Optional.of("is not a whole number from 0 (" + value + "): write it like 100.");
  }

  @Override
  public String id() {
    return "results";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(ResultsResource.class);
  }

  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/results");
  }
}
