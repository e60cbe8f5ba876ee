package org.polity.jakarta.standalone;

import java.util.LinkedHashSet;
import java.util.Set;
import org.polity.jakarta.PolityApplication;
import org.polity.jakarta.config.Mode;

/**
 * The application as the standalone server runs it: Polity's resources and providers, plus
 * {@code /health}, {@code /openapi}, and, in development mode only, the development
 * authentication filter.
 */
public class StandaloneApplication extends PolityApplication {

  private final Mode mode;

  /**
   * The standalone application.
   *
   * @param mode the configured mode; development adds {@link DevelopmentAuthenticationFilter}
   */
  public StandaloneApplication(Mode mode) {
    this.mode = mode;
  }

  /**
   * Every resource class described in the OpenAPI document.
   *
   * @return Polity's resources plus health and OpenAPI
   */
  public static Set<Class<?>> documentedClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(PolityApplication.resourceClasses());
    classes.add(HealthResource.class);
    classes.add(OpenApiResource.class);
    return classes;
  }

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
    classes.add(HealthResource.class);
    classes.add(OpenApiResource.class);
    if (mode == Mode.DEVELOPMENT) {
      classes.add(DevelopmentAuthenticationFilter.class);
    }
    return classes;
  }
}
