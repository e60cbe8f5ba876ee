package org.polity.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.polity.app.sample.SampleMunicipality;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.standalone.PolityServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code polity serve}: runs the self-hosted portal (its pages at {@code /}), Polity's REST API and
 * the map standalone (Weld SE, Jersey on Grizzly), on H2 in file mode under {@code --data} unless
 * {@code --database-url} (or {@code POLITY_DATABASE_URL}) names another database. Prints its
 * addresses and its start-up time (since the JVM started) when ready and stops cleanly on Ctrl-C
 * (server, CDI container and connection pool are closed by a shutdown hook).
 *
 * <p>Production-safe on a fresh machine: outside {@code --development}, the participant-key and
 * ballot-slot secrets the operator did not set are created on the first start in {@code
 * <data>/secrets.properties}, owner-only, and read again on later starts ({@link
 * DataFolderSecrets}); and when no {@code polity.auth.*} setting is given, the sign-in is the
 * portal's password accounts ({@code polity.auth.accounts=true}). Other settings come from {@code
 * polity.*} system properties or {@code POLITY_*} environment variables (docs/embedding.md lists
 * them), e.g. OpenID Connect access tokens ({@code POLITY_AUTH_ISSUER}, {@code
 * POLITY_AUTH_AUDIENCE}, {@code POLITY_AUTH_JWKS}) or {@code POLITY_AUTH_ANONYMOUS_ONLY=true}.
 *
 * <p>{@code --sample} loads the fictional municipality of {@link SampleMunicipality} into an empty
 * database, skips it when it is already there, and refuses a database holding other processes.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the Polity portal (its pages at /), the REST API (under /api/v1, health at",
      "/health, OpenAPI at /openapi) and the map as OGC API - Features under /ogc.",
      "Data goes to an H2 database in --data unless --database-url is given.",
      "Outside --development, the participant-key and ballot-slot secrets are created on the",
      "first start in <data>/secrets.properties (owner-only; back it up with the database)",
      "unless POLITY_PARTICIPANT_KEY_CURRENT, POLITY_PARTICIPANT_KEY_SECRET_<version> and",
      "POLITY_BALLOT_SLOT_SECRET are set. The sign-in is the portal's password accounts unless",
      "a POLITY_AUTH_* setting is given: your identity provider's access tokens",
      "(POLITY_AUTH_ISSUER, POLITY_AUTH_AUDIENCE, POLITY_AUTH_JWKS; docs/embedding.md) or",
      "POLITY_AUTH_ANONYMOUS_ONLY=true for public reads only. See docs/portal.md."
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

  @Option(
      names = "--sample",
      description =
          "Loads a fictional municipality (Ville-sur-Meuse / Maasdorp) with its shared budget"
              + " open for the vote, 60 projects, news and an event, into an empty database;"
              + " skipped when it is already there.")
  boolean sample;

  @Option(
      names = "--exit-when-ready",
      description =
          "Starts, prints the addresses and the start-up time, then stops: checks that a"
              + " configuration starts, or times the start.")
  boolean exitWhenReady;

  /** The setting that turns the portal's password accounts on. */
  static final String AUTH_ACCOUNTS = "polity.auth.accounts";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile PolityServer server;

  /** Creates the command; picocli calls it. */
  public ServeCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    Map<String, String> settings = settings(System.getenv());
    try {
      server = PolityServer.start(new PolityServer.Options(host, port, settings));
    } catch (ConfigurationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Thread hook = new Thread(this::stop, "polity-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    if (sample) {
      try {
        long loading = System.nanoTime();
        SampleMunicipality.Outcome outcome = SampleMunicipality.load(server, Instant.now());
        out.println(
            outcome == SampleMunicipality.Outcome.LOADED
                ? "Loaded the fictional municipality Ville-sur-Meuse / Maasdorp (--sample) in "
                    + String.format(
                        Locale.ROOT, "%.1f", (System.nanoTime() - loading) / 1_000_000_000.0)
                    + " s."
                : "The fictional municipality of --sample is already there: nothing loaded.");
      } catch (IllegalStateException refused) {
        stop();
        Runtime.getRuntime().removeShutdownHook(hook);
        throw new IllegalArgumentException(refused.getMessage(), refused);
      } catch (RuntimeException failed) {
        stop();
        Runtime.getRuntime().removeShutdownHook(hook);
        throw failed;
      }
    }
    long startUp = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    out.println(
        "Polity is ready at "
            + server.uri()
            + " (portal: "
            + server.uri()
            + ", API: "
            + server.uri()
            + "api/v1, health: "
            + server.uri()
            + "health, OpenAPI: "
            + server.uri()
            + "openapi, map: "
            + server.uri()
            + "ogc) in "
            + String.format(Locale.ROOT, "%.1f", startUp / 1000.0)
            + " s since the JVM started."
            + (exitWhenReady ? "" : " Press Ctrl-C to stop."));
    // The portal's first administrator: the one-time link made at this start, with this address.
    server
        .bean(org.polity.portal.account.AccountService.class)
        .firstAdministratorLink()
        .ifPresent(
            link ->
                out.println(
                    "No administrator yet: open "
                        + server.uri()
                        + link
                        + " within 24 hours to create the first one (the link works once)."));
    out.flush();
    if (exitWhenReady) {
      stop();
    }
    stopped.await();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already stopping: the hook runs (or ran) stop().
    }
    return 0;
  }

  /**
   * The settings passed to the server: the database, the mode, the districts, the secrets of the
   * data folder (outside development, for those the operator did not set) and the password accounts
   * when no {@code polity.auth.*} setting is given.
   *
   * @param environment the environment variables
   * @return the settings
   * @throws IOException when the data folder or its secrets cannot be read or created
   */
  Map<String, String> settings(Map<String, String> environment) throws IOException {
    Map<String, String> settings = new HashMap<>();
    Path directory = data.toAbsolutePath().normalize();
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      settings.put("polity.database.url", databaseUrl);
    } else if (environment.get("POLITY_DATABASE_URL") == null
        && System.getProperty("polity.database.url") == null) {
      Files.createDirectories(directory);
      settings.put("polity.database.url", "jdbc:h2:file:" + directory.resolve("polity"));
    }
    if (development) {
      settings.put("polity.mode", "development");
    } else {
      try {
        settings.putAll(DataFolderSecrets.in(directory).settings(environment::get));
      } catch (IllegalStateException unusable) {
        throw new IllegalArgumentException(unusable.getMessage(), unusable);
      }
      if (!authenticationConfigured(environment)) {
        settings.put(AUTH_ACCOUNTS, "true");
      }
    }
    if (districts != null) {
      settings.put("polity.cartography.districts-file", districts.toAbsolutePath().toString());
      settings.put("polity.cartography.districts-id-property", districtsIdProperty);
    }
    return settings;
  }

  /**
   * Whether the operator configured the sign-in: a {@code polity.auth.*} system property or a
   * {@code POLITY_AUTH_*} environment variable.
   *
   * @param environment the environment variables
   * @return whether one is set
   */
  static boolean authenticationConfigured(Map<String, String> environment) {
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("polity.auth.")) {
        return true;
      }
    }
    for (String name : environment.keySet()) {
      if (name.startsWith("POLITY_AUTH_")) {
        return true;
      }
    }
    return false;
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
