package org.polity.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.standalone.PolityServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polity serve}: runs Polity's REST API standalone (Weld SE, Jersey on Grizzly), on H2 in
 * file mode under {@code --data} unless {@code --database-url} (or {@code POLITY_DATABASE_URL})
 * names another database. Prints its address when ready and stops cleanly on Ctrl-C (server, CDI
 * container and connection pool are closed by a shutdown hook). Other settings come from {@code
 * polity.*} system properties or {@code POLITY_*} environment variables (docs/embedding.md lists
 * them), the sign-in included: in production, OpenID Connect access tokens ({@code
 * POLITY_AUTH_ISSUER}, {@code POLITY_AUTH_AUDIENCE}, {@code POLITY_AUTH_JWKS}), or none at all if
 * {@code POLITY_AUTH_ANONYMOUS_ONLY=true}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Polity REST API (under /api/v1, health at /health, OpenAPI at /openapi)",
      "and the map as OGC API - Features under /ogc (open it in QGIS or GDAL).",
      "Data goes to an H2 database in --data unless --database-url is given.",
      "Outside --development, set POLITY_PARTICIPANT_KEY_CURRENT=v1,",
      "POLITY_PARTICIPANT_KEY_SECRET_V1 and POLITY_BALLOT_SLOT_SECRET (openssl rand -base64 32),",
      "and the sign-in with your identity provider's access tokens: POLITY_AUTH_ISSUER,",
      "POLITY_AUTH_AUDIENCE, POLITY_AUTH_JWKS (docs/embedding.md, \"Running standalone in",
      "production: authentication\"), or POLITY_AUTH_ANONYMOUS_ONLY=true for public reads only."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--data",
      defaultValue = "./data",
      description = "Directory of the embedded H2 database. Default: ${DEFAULT-VALUE}.")
  Path data;

  @Option(
      names = "--database-url",
      description =
          "JDBC URL of the database instead of H2, e.g. jdbc:postgresql://db:5432/polity"
              + " (user and password from POLITY_DATABASE_USER / POLITY_DATABASE_PASSWORD).")
  String databaseUrl;

  @Option(
      names = "--development",
      description =
          "Development mode: a known participant-key secret and the X-Polity-Dev-User /"
              + " X-Polity-Dev-Roles sign-in headers. NEVER in production.")
  boolean development;

  @Option(
      names = "--districts",
      description =
          "GeoJSON file of the districts or municipalities (WGS 84), served as the map's"
              + " districts collection and used by the initiatives' within filter.")
  Path districts;

  @Option(
      names = "--districts-id-property",
      defaultValue = "id",
      description =
          "Property holding each district's id when a feature has no id. Default: ${DEFAULT-VALUE}.")
  String districtsIdProperty;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile PolityServer server;

  /** Creates the command; picocli calls it. */
  public ServeCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    Map<String, String> settings = new HashMap<>();
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      settings.put("polity.database.url", databaseUrl);
    } else if (System.getenv("POLITY_DATABASE_URL") == null
        && System.getProperty("polity.database.url") == null) {
      Path directory = data.toAbsolutePath().normalize();
      Files.createDirectories(directory);
      settings.put("polity.database.url", "jdbc:h2:file:" + directory.resolve("polity"));
    }
    if (development) {
      settings.put("polity.mode", "development");
    }
    if (districts != null) {
      settings.put("polity.cartography.districts-file", districts.toAbsolutePath().toString());
      settings.put("polity.cartography.districts-id-property", districtsIdProperty);
    }
    try {
      server = PolityServer.start(new PolityServer.Options(host, port, settings));
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Thread hook = new Thread(this::stop, "polity-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Polity is ready at "
            + server.uri()
            + " (API: "
            + server.uri()
            + "api/v1, health: "
            + server.uri()
            + "health, OpenAPI: "
            + server.uri()
            + "openapi, map: "
            + server.uri()
            + "ogc)."
            + " Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already stopping: the hook runs (or ran) stop().
    }
    return 0;
  }

  /** Stops the server and lets {@link #call()} return; what Ctrl-C does through the hook. */
  void stop() {
    PolityServer running = server;
    if (running != null) {
      server = null;
      running.close();
    }
    stopped.countDown();
  }
}
