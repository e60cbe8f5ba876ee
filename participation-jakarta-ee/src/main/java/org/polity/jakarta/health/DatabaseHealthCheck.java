package org.polity.jakarta.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.polity.jakarta.persistence.PolityDatabase;

/** Readiness: Polity's database answers within two seconds. Reported as {@code polity-database}. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

  /** The name of the check in health reports. */
  public static final String NAME = "polity-database";

  @Inject PolityDatabase database;

  /** Creates the check; CDI calls it. */
  public DatabaseHealthCheck() {}

  @Override
  public HealthCheckResponse call() {
    try {
      return HealthCheckResponse.named(NAME).up().withData("database", database.check(2)).build();
    } catch (Exception e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}
