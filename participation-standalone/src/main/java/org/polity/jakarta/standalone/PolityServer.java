package org.polity.jakarta.standalone;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.persistence.PolityDatabase;

/**
 * Polity's API on an embedded HTTP server: Weld SE for CDI, Jersey on Grizzly for Jakarta REST,
 * SmallRye Config for the settings. {@link #start(Options)} returns once the database is migrated,
 * every configured file has been read and checked (the districts of the map, the census registers
 * and areas that stored processes name), and the server listens; {@link #close()} stops the server,
 * the CDI container (which closes the database pool) and releases the configuration.
 *
 * <p>One server per JVM at a time: Weld SE and MicroProfile Config are bound to the class loader.
 */
public final class PolityServer implements AutoCloseable {

  /** How long {@link #close()} lets requests in flight finish. */
  public static final int GRACE_SECONDS = 2;

  private static final Logger LOG = Logger.getLogger(PolityServer.class.getName());

  private final HttpServer httpServer;
  private final WeldContainer container;
  private final SmallRyeConfig config;
  private final ClassLoader classLoader;
  private final URI uri;

  private PolityServer(
      HttpServer httpServer,
      WeldContainer container,
      SmallRyeConfig config,
      ClassLoader classLoader,
      URI uri) {
    this.httpServer = httpServer;
    this.container = container;
    this.config = config;
    this.classLoader = classLoader;
    this.uri = uri;
  }

  /**
   * How to start the server.
   *
   * @param host the address to listen on, such as {@code 127.0.0.1} or {@code 0.0.0.0}
   * @param port the port; 0 picks a free one
   * @param settings {@code polity.*} settings that take precedence over system properties,
   *     environment variables and {@code META-INF/microprofile-config.properties}
   * @param workerThreads HTTP worker threads (requests handled at once)
   */
  public record Options(String host, int port, Map<String, String> settings, int workerThreads) {
    /** The default number of worker threads. */
    public static final int DEFAULT_WORKER_THREADS = 64;

    /** Refuses a port outside 0-65535 or fewer than one worker, and copies the settings. */
    public Options {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("The port is " + port + ": give 0 to 65535.");
      }
      if (workerThreads < 1) {
        throw new IllegalArgumentException(
            "The server has " + workerThreads + " worker threads: give 1 or more.");
      }
      settings = Map.copyOf(settings);
    }

    /**
     * Options with {@value #DEFAULT_WORKER_THREADS} worker threads.
     *
     * @param host the address to listen on
     * @param port the port; 0 picks a free one
     * @param settings {@code polity.*} settings
     */
    public Options(String host, int port, Map<String, String> settings) {
      this(host, port, settings, DEFAULT_WORKER_THREADS);
    }
  }

  /**
   * Starts the server.
   *
   * @param options where to listen and the settings
   * @return the running server
   * @throws org.polity.jakarta.config.ConfigurationException when the settings are not usable
   */
  public static PolityServer start(Options options) {
    ClassLoader classLoader = PolityServer.class.getClassLoader();
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .forClassLoader(classLoader)
            .addDefaultSources()
            .addDiscoveredSources()
            .addDiscoveredConverters()
            .withSources(
                new PropertiesConfigSource(options.settings(), "polity-server-options", 500))
            .build();
    PolitySettings settings = PolitySettings.forStandalone(config);
    // Reads a JWKS file now, so that a bad one stops the start before anything else runs.
    StandaloneApplication standalone = new StandaloneApplication(settings);
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    try {
      resolver.registerConfig(config, classLoader);
    } catch (IllegalStateException alreadyRegistered) {
      resolver.releaseConfig(resolver.getConfig(classLoader));
      resolver.registerConfig(config, classLoader);
    }
    WeldContainer container = null;
    String containerId = "polity-" + UUID.randomUUID();
    try {
      container = new Weld(containerId).setClassLoader(classLoader).initialize();
      // Open the database now (migrations included), so that a broken database fails the start.
      container.select(PolityDatabase.class).get().dataSource();
      // Read every stored process with the files it names (census registers, areas), so that a
      // file that changed since a process was declared stops the start, not a later request.
      container.select(org.polity.jakarta.process.Processes.class).get().checkStoredDefinitions();
      ResourceConfig application = ResourceConfig.forApplication(standalone);
      application.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
      application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
      URI base = URI.create("http://" + options.host() + ":" + options.port() + "/");
      HttpServer httpServer = GrizzlyHttpServerFactory.createHttpServer(base, application, false);
      // Requests wait on the database (a durable commit takes milliseconds), so the workers must
      // outnumber the cores by far, or they, not the database, bound the throughput.
      httpServer
          .getListener("grizzly")
          .getTransport()
          .setWorkerThreadPoolConfig(
              ThreadPoolConfig.defaultConfig()
                  .setPoolName("polity-http")
                  .setCorePoolSize(options.workerThreads())
                  .setMaxPoolSize(options.workerThreads()));
      // Grizzly's own error pages (for what never reaches Jersey, such as headers larger than
      // its 8 KiB limit) name neither the server nor its version.
      httpServer.getServerConfiguration().setHttpServerName("Polity");
      httpServer.getServerConfiguration().setHttpServerVersion("");
      httpServer
          .getServerConfiguration()
          .setDefaultErrorPageGenerator(
              (request, status, reason, description, exception) ->
                  "<!DOCTYPE html><title>" + status + "</title><p>" + status + "</p>");
      try {
        httpServer.start();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "Cannot listen on " + base + ": " + e.getMessage(), e);
      }
      int port = httpServer.getListener("grizzly").getPort();
      URI uri = URI.create("http://" + options.host() + ":" + port + "/");
      LOG.info("Polity listens at " + uri + " (" + settings.mode().name().toLowerCase() + " mode)");
      return new PolityServer(httpServer, container, config, classLoader, uri);
    } catch (RuntimeException e) {
      if (container == null) {
        // a start-up observer failed (a bad districts file): Weld has a container, not returned
        container = WeldContainer.instance(containerId);
      }
      if (container != null && container.isRunning()) {
        container.shutdown();
      }
      resolver.releaseConfig(config);
      // CDI wraps what a start-up observer throws: give the operator the configuration problem
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof org.polity.jakarta.config.ConfigurationException problem) {
          throw problem;
        }
      }
      throw e;
    }
  }

  /**
   * The base address, ending with a slash.
   *
   * @return the address
   */
  public URI uri() {
    return uri;
  }

  /**
   * Looks up a CDI bean of the running application (for tests and the command line).
   *
   * @param type the bean type
   * @param <T> the type
   * @return the bean
   */
  public <T> T bean(Class<T> type) {
    return container.select(type).get();
  }

  /**
   * Stops the server (waiting up to {@value #GRACE_SECONDS} s for requests in flight), then CDI,
   * then the configuration.
   */
  @Override
  public void close() {
    try {
      httpServer.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 5, TimeUnit.SECONDS);
    } catch (Exception e) {
      httpServer.shutdownNow();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    } finally {
      if (container.isRunning()) {
        container.shutdown();
      }
      ConfigProviderResolver.instance().releaseConfig(config);
      LOG.fine("Polity at " + uri + " stopped; class loader " + classLoader);
    }
  }
}
