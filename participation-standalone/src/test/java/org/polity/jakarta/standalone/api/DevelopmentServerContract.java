package org.polity.jakarta.standalone.api;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.standalone.testing.Api;

/**
 * A real server in development mode (the development sign-in) on a database that a subclass
 * chooses, started once per test class and stopped after it: the common part of the API contracts.
 */
abstract class DevelopmentServerContract {

  static PolityServer server;
  static Api api;

  /**
   * Starts the server.
   *
   * @param database the database settings ({@code TestDatabase.h2(...)} or {@code postgres()})
   * @param extra more settings, key and value alternately
   */
  static void start(Map<String, String> database, String... extra) {
    Map<String, String> settings = new HashMap<>(database);
    settings.put("polity.mode", "development");
    for (int i = 0; i < extra.length; i += 2) {
      settings.put(extra[i], extra[i + 1]);
    }
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    api = new Api(server.uri());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
