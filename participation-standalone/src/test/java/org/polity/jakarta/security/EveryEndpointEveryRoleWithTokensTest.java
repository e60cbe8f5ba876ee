package org.polity.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.jakarta.testing.TestIdentityProvider;

/**
 * {@link EveryEndpointEveryRoleTest}'s walk of every endpoint with every role, on the standalone
 * server in production mode, each role signed in with a real access token from a test identity
 * provider (roles in {@code realm_access.roles}, as Keycloak issues them) instead of the
 * development headers. The same table must hold.
 */
class EveryEndpointEveryRoleWithTokensTest {

  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @TempDir static Path data;
  static TestIdentityProvider idp;
  static PolityServer server;

  @BeforeAll
  static void start() {
    idp = TestIdentityProvider.overHttp();
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.participant-key.current", "v1");
    settings.put("polity.participant-key.secret.v1", SECRET);
    settings.put("polity.ballot-slot.secret", SECRET);
    settings.putAll(idp.settings());
    EveryEndpointEveryRoleTest.PORTAL_ROLE.forEach(
        (polity, portal) -> settings.put("polity.roles." + polity, portal));
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    idp.close();
  }

  @Test
  void everyRoleIsAllowedOrRefusedAsDeclaredWithTokens() {
    Api tokens =
        new Api(
            server.uri(),
            (user, roles) ->
                Map.of(
                    "Authorization",
                    "Bearer "
                        + idp.token(user, roles == null ? List.of() : List.of(roles.split(",")))));
    assertThat(EveryEndpointEveryRoleTest.walk(tokens)).isEmpty();
  }
}
