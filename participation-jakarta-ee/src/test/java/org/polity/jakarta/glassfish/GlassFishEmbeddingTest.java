package org.polity.jakarta.glassfish;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polity.jakarta.PolityApplication;
import org.polity.jakarta.glassfish.portal.PortalIdentityStore;
import org.polity.jakarta.glassfish.portal.PortalPolity;

/**
 * The adapter deployed the way docs/embedding.md tells a portal to: a WAR holding the adapter and
 * its compile-scope dependencies (never the standalone runtime), a {@code PolityApplication}
 * subclass, {@code beans.xml}, {@code microprofile-config.properties}, a container data source
 * bound in JNDI, and the portal's own sign-in (Jakarta Security, HTTP Basic) whose role names are
 * mapped by {@code polity.roles.*}. It runs on GlassFish 7 embedded (Jakarta EE 10: Weld, Jersey,
 * EclipseLink, Soteria), started in a JVM of its own, and the test calls the API over HTTP.
 *
 * <p>GlassFish has no MicroProfile Config: the WAR carries SmallRye Config, as the guide says.
 * GlassFish has no MicroProfile Health either, so {@code /health} is not served there (the
 * standalone server's health is tested elsewhere).
 */
class GlassFishEmbeddingTest {

  /**
   * The jars a portal's WAR gets from the adapter: its compile-scope dependencies (docs section 1),
   * plus SmallRye Config because plain GlassFish has no MicroProfile Config implementation.
   */
  private static final Pattern WAR_LIBRARIES =
      Pattern.compile(
          "(participation-core|jackson-(core|databind|annotations|dataformat-csv)|jts-core|ojalgo"
              + "|flyway-core|flyway-database-postgresql|HikariCP|slf4j-api"
              + "|smallrye-config|smallrye-config-core|smallrye-config-common"
              + "|smallrye-common-(annotation|expression|function|constraint|classloader)|asm"
              + "|jboss-logging|microprofile-config-api)-\\d[^/]*(?<!-tests)\\.jar");

  /** The server's own libraries: the JDBC driver of its data source. */
  private static final Pattern SERVER_LIBRARIES = Pattern.compile("h2-\\d[^/]*\\.jar");

  private static final String SECRET_A = base64("participant-key secret of the test portal!");
  private static final String SECRET_B = base64("ballot-slot secret of the test portal, long");

  private static Path work;
  private static Process glassFish;
  private static URI api;
  private static final List<String> log = new ArrayList<>();
  private static final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @BeforeAll
  static void deploy() throws Exception {
    work = Files.createTempDirectory("polity-glassfish");
    Path war = work.resolve("portal.war");
    portalWar(work.resolve("db").resolve("polity"))
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);

    Path launcher = work.resolve("launcher");
    String classFile = GlassFishLauncher.class.getName().replace('.', '/') + ".class";
    Path target = launcher.resolve(classFile);
    Files.createDirectories(target.getParent());
    try (InputStream in = GlassFishLauncher.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(in, target);
    }
    Path glassFishJar =
        Path.of("target", "glassfish", "glassfish-embedded-all.jar").toAbsolutePath();
    assertThat(glassFishJar)
        .as("copied by maven-dependency-plugin (process-test-classes)")
        .exists();
    List<String> classPath = new ArrayList<>(List.of(glassFishJar.toString(), launcher.toString()));
    classPath.addAll(testClassPath(SERVER_LIBRARIES));

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1"));
    // What GlassFish's own manifest asks for when run with java -jar.
    for (String open :
        List.of(
            "java.base/java.lang",
            "java.base/java.io",
            "java.base/java.util",
            "java.base/sun.nio.fs",
            "java.base/sun.net.www.protocol.jrt",
            "java.naming/javax.naming.spi",
            "java.rmi/sun.rmi.transport",
            "jdk.management/com.sun.management.internal",
            "java.base/jdk.internal.vm.annotation")) {
      command.add("--add-opens=" + open + "=ALL-UNNAMED");
    }
    command.addAll(
        List.of(
            "-cp",
            String.join(File.pathSeparator, classPath),
            GlassFishLauncher.class.getName(),
            String.valueOf(port),
            war.toString(),
            "portal"));
    glassFish = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(glassFish.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (log) {
                    log.add(line);
                  }
                  if (line.startsWith(GlassFishLauncher.READY)) {
                    ready.complete(true);
                  } else if (line.startsWith(GlassFishLauncher.FAILED)) {
                    ready.complete(false);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              ready.complete(false);
            },
            "glassfish-output");
    reader.setDaemon(true);
    reader.start();
    boolean deployed = ready.get(240, TimeUnit.SECONDS);
    assertThat(deployed)
        .as("GlassFish deployed the portal WAR; its output:%n%s", output())
        .isTrue();
    api = URI.create("http://127.0.0.1:" + port + "/portal/polity/api/v1/");
  }

  @AfterAll
  static void undeploy() throws Exception {
    if (glassFish != null) {
      glassFish.getOutputStream().close();
      if (!glassFish.waitFor(60, TimeUnit.SECONDS)) {
        glassFish.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.writeString(Path.of("target", "glassfish", "server.log"), output());
    }
    if (work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The portal's WAR, as a portal team would build it. */
  private static WebArchive portalWar(Path database) {
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "portal.war")
            .addClasses(PortalPolity.class, PortalIdentityStore.class)
            .addAsWebInfResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(
                    "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                        + " bean-discovery-mode=\"annotated\"/>"),
                "beans.xml")
            .addAsWebInfResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(webXml(database)), "web.xml")
            .addAsWebInfResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(GLASSFISH_WEB_XML),
                "glassfish-web.xml")
            .addAsResource(
                new org.jboss.shrinkwrap.api.asset.StringAsset(
                    String.join(
                        "\n",
                        "polity.participant-key.current=v1",
                        "polity.participant-key.secret.v1=" + SECRET_A,
                        "polity.ballot-slot.secret=" + SECRET_B,
                        "polity.datasource.jndi-name=java:app/jdbc/polity",
                        "polity.roles.participant=RESIDENT",
                        "polity.roles.administrator=PORTAL_ADMIN",
                        "polity.roles.reviewer=PORTAL_REVIEWER",
                        "")),
                "META-INF/microprofile-config.properties");
    war.addAsLibrary(adapterJar());
    for (String library : testClassPath(WAR_LIBRARIES)) {
      war.addAsLibrary(new File(library));
    }
    Path core =
        Path.of(
                PolityApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .getPath())
            .resolveSibling("..")
            .resolve("..")
            .resolve("participation-core")
            .resolve("target")
            .resolve("classes")
            .normalize();
    boolean coreAsJar =
        war.getContent().keySet().stream().anyMatch(p -> p.get().contains("participation-core"));
    if (!coreAsJar && Files.isDirectory(core)) {
      // In a reactor build that stops before packaging, the core is a classes directory.
      war.addAsLibrary(
          ShrinkWrap.create(ExplodedImporter.class, "participation-core.jar")
              .importDirectory(core.toFile())
              .as(JavaArchive.class));
    }
    return war;
  }

  /** The adapter as the jar a portal gets (from this module's compiled classes). */
  private static JavaArchive adapterJar() {
    File classes =
        new File(
            PolityApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    if (classes.isFile()) {
      return ShrinkWrap.createFromZipFile(JavaArchive.class, classes);
    }
    return ShrinkWrap.create(ExplodedImporter.class, "participation-jakarta-ee.jar")
        .importDirectory(classes)
        .as(JavaArchive.class);
  }

  private static List<String> testClassPath(Pattern names) {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> found = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (names.matcher(Path.of(entry).getFileName().toString()).matches()) {
        found.add(entry);
      }
    }
    return found;
  }

  private static String webXml(Path database) {
    return """
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
          <!-- The portal's data source: pooled by the server, bound in JNDI, given to Polity
               through polity.datasource.jndi-name. Polity runs local transactions on it. -->
          <data-source>
            <name>java:app/jdbc/polity</name>
            <class-name>org.h2.jdbcx.JdbcDataSource</class-name>
            <url>jdbc:h2:file:%s;LOCK_TIMEOUT=10000</url>
            <user>sa</user>
            <password>sa</password>
            <transactional>false</transactional>
            <max-pool-size>8</max-pool-size>
          </data-source>
          <!-- The portal's roles, which polity.roles.* maps to Polity's. -->
          <security-role><role-name>RESIDENT</role-name></security-role>
          <security-role><role-name>PORTAL_ADMIN</role-name></security-role>
          <security-role><role-name>PORTAL_REVIEWER</role-name></security-role>
        </web-app>
        """
        .formatted(database.toAbsolutePath());
  }

  private static final String GLASSFISH_WEB_XML =
      """
      <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
        "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
      <glassfish-web-app>
        <security-role-mapping><role-name>RESIDENT</role-name><group-name>RESIDENT</group-name></security-role-mapping>
        <security-role-mapping><role-name>PORTAL_ADMIN</role-name><group-name>PORTAL_ADMIN</group-name></security-role-mapping>
        <security-role-mapping><role-name>PORTAL_REVIEWER</role-name><group-name>PORTAL_REVIEWER</group-name></security-role-mapping>
      </glassfish-web-app>
      """;

  @Test
  void aPortalDeclaresAVoteAndItsResidentsVoteThroughTheApi() throws Exception {
    String budget = "city-" + Long.toHexString(System.nanoTime());
    // The portal's administrator declares the process that owns the budget, with its rule for
    // voting: a budget that no process declares is refused outside development mode.
    String process =
        """
        {"title": {"en": "Shared Budget", "fr": "Budget partagé", "nl": "Gedeeld budget"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}, "districts": ["Centre"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "maximumProjectCost": {"amount": "50000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}],
                   "minimumAge": 10},
         "budgets": ["%s"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"everyone": {}}}}
        """
            .formatted(budget);
    Reply declared = send("PUT", "processes/" + budget, "ada", process);
    assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    // Ballots are accepted only in the vote phase, with projects on the ballot (issue 12).
    List<String> projects = bringToVote(budget, 2);
    Reply vote =
        send(
            "PUT",
            "budgets/" + budget + "/vote",
            "ada",
            "{\"opensAt\":\""
                + Instant.now().minusSeconds(3600)
                + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86400)
                + "\",\"changesAllowed\":false}");
    assertThat(vote.status()).as(vote.body()).isEqualTo(200);

    Reply cast =
        send(
            "POST",
            "budgets/" + budget + "/ballots",
            "alice",
            "{\"kind\":\"approval\",\"projects\":[\""
                + projects.get(0)
                + "\",\""
                + projects.get(1)
                + "\"]}");
    assertThat(cast.status()).as(cast.body()).isEqualTo(201);
    String receipt = cast.json().getString("receipt");

    Reply check = send("GET", "budgets/" + budget + "/receipts/" + receipt, null, null);
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.json().getString("status")).isEqualTo("counted");
    // that it counts and its fingerprint, not its contents (issue 13)
    assertThat(check.json().containsKey("ballot")).isFalse();
    assertThat(check.json().getString("receiptHash")).hasSize(64);

    Reply participation = send("GET", "budgets/" + budget + "/participation", "alice", null);
    assertThat(participation.json().getString("status")).isEqualTo("voted");
    Reply again =
        send(
            "POST",
            "budgets/" + budget + "/ballots",
            "alice",
            "{\"kind\":\"approval\",\"projects\":[\"" + projects.get(1) + "\"]}");
    assertProblem(again, 409);
    assertThat(again.json().getString("type")).endsWith("already-voted");

    // The ballot is in the portal's database, reached through the server's data source.
    assertThat(countBallots(budget)).isEqualTo(1);
  }

  @Test
  void badInputAndUnknownCallersGetProblemDocuments() throws Exception {
    String budget = "city-" + Long.toHexString(System.nanoTime());
    // A vote on a budget that no process declares is refused in production (issue 12).
    Reply orphan =
        send(
            "PUT",
            "budgets/" + budget + "/vote",
            "ada",
            "{\"opensAt\":\""
                + Instant.now().minusSeconds(3600)
                + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(86400)
                + "\"}");
    assertProblem(orphan, 422);
    assertThat(orphan.json().getString("type")).endsWith("/budget-without-process");

    Reply unknownField =
        send(
            "POST",
            "budgets/" + budget + "/ballots",
            "bob",
            "{\"kind\":\"approval\",\"projects\":[\"p1\"],\"extra\":1}");
    assertProblem(unknownField, 400);
    assertThat(unknownField.json().getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("field"))
        .contains("extra");

    assertProblem(
        send(
            "POST",
            "budgets/" + budget + "/ballots",
            null,
            "{\"kind\":\"approval\",\"projects\":[\"p1\"]}"),
        401);
    assertProblem(
        send(
            "PUT",
            "budgets/" + budget + "/vote",
            "bob",
            "{\"opensAt\":\""
                + Instant.now()
                + "\",\"closesAt\":\""
                + Instant.now().plusSeconds(60)
                + "\"}"),
        403);
    Reply me = send("GET", "me", "ada", null);
    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("administrator");
  }

  private static long countBallots(String budget) {
    // The only database configured is the server's data source (no polity.database.url).
    Reply turnout = send("GET", "budgets/" + budget + "/turnout", "ada", null);
    assertThat(turnout.status()).as(turnout.body()).isEqualTo(200);
    return turnout.json().getInt("total");
  }

  private record Reply(int status, String contentType, String body) {
    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }
  }

  private static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getInt("status")).isEqualTo(status);
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /**
   * Brings a declared process to its vote as its staff would: ideas submitted by a resident,
   * reviewed feasible by the portal's reviewer, put on the ballot, the vote phase opened.
   */
  private static List<String> bringToVote(String process, int ideas) {
    String base = "processes/" + process;
    move(process, "submission");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < ideas; i++) {
      Reply idea =
          send(
              "POST",
              base + "/projects",
              "alice",
              """
              {"title": {"en": "Project %d"}, "description": {"en": "A project."},
               "themes": ["greenery"], "estimatedCost": {"amount": "20000", "currency": "EUR"},
               "authors": [{"kind": "resident", "name": "Alice", "age": 40}]}
              """
                  .formatted(i));
      assertThat(idea.status()).as(idea.body()).isEqualTo(201);
      ids.add(idea.json().getString("id"));
    }
    move(process, "feasibility");
    for (String id : ids) {
      String path = base + "/projects/" + id;
      Reply started =
          send(
              "POST",
              path + "/status",
              "rita",
              "{\"to\": \"UNDER_REVIEW\", \"why\": {\"en\": \"Studied.\"}}",
              "If-Match",
              "\"" + send("GET", path, null, null).json().getJsonNumber("version") + "\"");
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      Reply reviewed =
          send(
              "PUT",
              path + "/review",
              "rita",
              """
              {"checklist": {"ON_TERRITORY": true, "WITHIN_COMPETENCE": true,
                             "WITHIN_MAXIMUM_COST": true, "PUBLIC_INTEREST": true,
                             "WITHIN_THEMES": true},
               "costEstimate": {"amount": "20000", "currency": "EUR"},
               "publicAnswer": {"en": "Feasible."}}
              """,
              "If-Match",
              "\"" + started.json().getJsonNumber("version") + "\"");
      assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
    }
    move(process, "validation");
    for (String id : ids) {
      String path = base + "/projects/" + id;
      Reply onBallot =
          send(
              "POST",
              path + "/status",
              "ada",
              "{\"to\": \"ON_BALLOT\", \"why\": {\"en\": \"Validated.\"}}",
              "If-Match",
              "\"" + send("GET", path, null, null).json().getJsonNumber("version") + "\"");
      assertThat(onBallot.status()).as(onBallot.body()).isEqualTo(200);
    }
    move(process, "vote");
    return ids;
  }

  private static void move(String process, String phase) {
    Reply moved =
        send(
            "POST",
            "processes/" + process + "/phase-moves",
            "ada",
            "{\"phase\": \"" + phase + "\", \"why\": {\"en\": \"On schedule.\"}}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
  }

  private static Reply send(
      String method, String path, String user, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header("Authorization", "Basic " + base64(user + ":" + PortalIdentityStore.PASSWORD));
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String output() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }
}
