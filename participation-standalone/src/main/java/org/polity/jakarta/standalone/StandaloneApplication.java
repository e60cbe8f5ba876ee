package org.polity.jakarta.standalone;

import java.util.LinkedHashSet;
import java.util.Set;
import org.polity.jakarta.Capabilities;
import org.polity.jakarta.PolityApplication;
import org.polity.jakarta.config.Authentication;
import org.polity.jakarta.config.Mode;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.standalone.auth.BearerTokenFilter;

/**
 * The application as the standalone server runs it: Polity's resources and providers, plus {@code
 * /health}, {@code /openapi}, the sign-in with OpenID Connect access tokens when {@code
 * polity.auth.*} configures it ({@link BearerTokenFilter}), and, in development mode only, the
 * development authentication filter.
 */
public class StandaloneApplication extends PolityApplication {

  private final Mode mode;
  private final BearerTokenFilter tokens;

  /**
   * The standalone application.
   *
   * @param settings the settings: development mode adds {@link DevelopmentAuthenticationFilter};
   *     bearer-token authentication adds {@link BearerTokenFilter}
   * @throws org.polity.jakarta.config.ConfigurationException when the JWKS file is not a key set
   */
  public StandaloneApplication(PolitySettings settings) {
    this.mode = settings.mode();
    this.tokens =
        settings.authentication() instanceof Authentication.BearerTokens bearer
            ? BearerTokenFilter.create(bearer)
            : null;
  }

  /**
   * Every resource class described in the OpenAPI document.
   *
   * @return the resources of Polity's API capabilities (not the portal's pages) plus health and
   *     OpenAPI
   */
  public static Set<Class<?>> documentedClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(Capabilities.current().apiResources());
    classes.add(HealthResource.class);
    classes.add(OpenApiResource.class);
    return classes;
  }

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new LinkedHashSet<>(super.getClasses());
    classes.add(HealthResource.class);
    classes.add(OpenApiResource.class);
    classes.add(ClientAddressFilter.class);
    if (mode == Mode.DEVELOPMENT) {
      classes.add(DevelopmentAuthenticationFilter.class);
    }
    return classes;
  }

  @Override
  public Set<Object> getSingletons() {
    return tokens == null ? Set.of() : Set.of(tokens);
  }
}
