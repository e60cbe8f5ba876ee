package org.polity.jakarta.results;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.polity.jakarta.spi.Capability;

/**
 * The descriptor of results: {@code /api/v1/budgets/{id}/results} and the Pabulib export, both
 * public, and the published results' table (migration V4).
 */
@ApplicationScoped
public class ResultsCapability implements Capability {

  /** Creates the descriptor; CDI calls it. */
  public ResultsCapability() {}

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
