package org.polity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @TempDir Path data;

  @Test
  void servesOnH2InTheDataDirectoryAndStopsCleanly() throws Exception {
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "serve",
                    "--port",
                    "0",
                    "--data",
                    data.toString(),
                    "--development",
                    "--districts",
                    Path.of(
                            System.getProperty("polity.shared.dir"),
                            "geo/brussels_municipalities.geojson")
                        .toString(),
                    "--districts-id-property",
                    "nis"));
    Matcher ready = Pattern.compile("ready at (http://\\S+/) ").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!ready.reset(out.toString()).find()) {
      assertThat(exit).as("serve ended early: %s", out).isNotDone();
      assertThat(System.nanoTime()).as("serve did not print its address").isLessThan(deadline);
      Thread.sleep(100);
    }
    URI base = URI.create(ready.group(1));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // Administrators see every check; anonymous callers only UP or DOWN (issue 13).
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(base.resolve("health"))
                .header("X-Polity-Dev-User", "ada")
                .header("X-Polity-Dev-Roles", "administrator")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("polity-database").contains("UP");
    HttpResponse<String> anonymous =
        client.send(
            HttpRequest.newBuilder(base.resolve("health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
    // the example portal serves the map as OGC API - Features
    HttpResponse<String> landing =
        client.send(
            HttpRequest.newBuilder(base.resolve("ogc")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.body())
        .contains("\"service-desc\"")
        .contains(base + "ogc/api")
        .contains(base + "ogc/collections");
    HttpResponse<String> collections =
        client.send(
            HttpRequest.newBuilder(base.resolve("ogc/collections")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(collections.statusCode()).isEqualTo(200);
    assertThat(collections.body())
        .contains("\"id\":\"initiatives\"")
        .contains("\"id\":\"districts\"");
    HttpResponse<String> districts =
        client.send(
            HttpRequest.newBuilder(base.resolve("ogc/collections/districts/items?limit=100"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(districts.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/geo+json"));
    assertThat(districts.body()).contains("\"numberReturned\":19").contains("Etterbeek");
    HttpResponse<String> api =
        client.send(
            HttpRequest.newBuilder(base.resolve("ogc/api")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.body()).contains("\"openapi\":\"3.0.3\"");
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("polity.mv.db");
    }

    ServeCommand serve = (ServeCommand) commandLine.getSubcommands().get("serve").getCommand();
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void refusesToStartWithDistrictsWhoseFeaturesHaveNoIdAndSaysHowToFixIt() throws Exception {
    Path districts =
        Files.writeString(
            data.resolve("districts.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"wijk\":\"Centrum\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[4.30,50.80],[4.36,50.80],[4.36,50.85],[4.30,50.85],"
                + "[4.30,50.80]]]}}]}");
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code =
        commandLine.execute(
            "serve",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--development",
            "--districts",
            districts.toString());
    assertThat(code).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
    assertThat(out.toString()).doesNotContain("ready");
    assertThat(err.toString())
        .contains(districts.toAbsolutePath().toString())
        .contains("feature #0")
        .contains("--districts-id-property")
        .contains("[wijk]");
  }

  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @Test
  void inProductionTakesTheDataFoldersSecretsAndDefaultsTheSignInToPasswordAccounts()
      throws Exception {
    ServeCommand serve = parsed("serve", "--data", data.toString());
    Map<String, String> settings = serve.settings(Map.of());
    assertThat(settings)
        .containsEntry("polity.auth.accounts", "true")
        .containsEntry("polity.participant-key.current", "v1")
        .containsKeys("polity.participant-key.secret.v1", "polity.ballot-slot.secret");
    assertThat(data.resolve("secrets.properties")).exists();

    System.setProperty("polity.auth.anonymous-only", "true");
    try {
      assertThat(parsed("serve", "--data", data.toString()).settings(Map.of()))
          .as("the operator's sign-in setting wins")
          .doesNotContainKey("polity.auth.accounts");
    } finally {
      System.clearProperty("polity.auth.anonymous-only");
    }
    assertThat(
            parsed("serve", "--data", data.toString())
                .settings(Map.of("POLITY_AUTH_ISSUER", "https://login.example.be")))
        .doesNotContainKey("polity.auth.accounts");
    assertThat(parsed("serve", "--data", data.toString(), "--development").settings(Map.of()))
        .doesNotContainKeys("polity.auth.accounts", "polity.ballot-slot.secret");
  }

  @Test
  void refusesToStartWithASecretsFileOthersCanRead() throws Exception {
    Path file = data.resolve("secrets.properties");
    Files.writeString(file, "polity.participant-key.current=v1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute("serve", "--port", "0", "--data", data.toString());
    assertThat(code).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
    assertThat(out.toString()).doesNotContain("ready");
    assertThat(err.toString()).contains(file.toString()).contains("chmod 600");
  }

  @Test
  void exitWhenReadyStartsReportsTheStartAndStops() throws Exception {
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    int code =
        commandLine.execute(
            "serve",
            "--port",
            "0",
            "--data",
            data.toString(),
            "--development",
            "--exit-when-ready");
    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern("Polity is ready at http://127\\.0\\.0\\.1:(\\d+)/")
        .containsPattern("in \\d+\\.\\d s since the JVM started\\.")
        .doesNotContain("Ctrl-C");
    String port = out.toString().replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+)/.*", "$1");
    try (java.net.Socket stillThere = new java.net.Socket()) {
      org.junit.jupiter.api.Assertions.assertThrows(
          java.io.IOException.class,
          () ->
              stillThere.connect(
                  new java.net.InetSocketAddress("127.0.0.1", Integer.parseInt(port)), 2000));
    }
  }

  @Test
  void servesTheSampleInProductionAndASecondStartKeepsItsSecretsAndItsSample() throws Exception {
    // No polity.auth.* setting: the production server signs people in with the portal's accounts.
    try {
      String firstOutput = serveTheSample(true);
      assertThat(firstOutput)
          .contains("Loaded the fictional municipality")
          .containsPattern("in \\d+\\.\\d s since the JVM started");
      Path file = data.resolve("secrets.properties");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      String secrets = Files.readString(file);
      assertThat(firstOutput).doesNotContain(secret(secrets, "polity.ballot-slot.secret"));

      String secondOutput = serveTheSample(false);
      assertThat(secondOutput).contains("already there");
      assertThat(Files.readString(file)).isEqualTo(secrets);
    } finally {
      System.clearProperty("polity.auth.accounts");
    }
  }

  @Test
  void refusesToLoadTheSampleIntoADatabaseWithOtherProcessesAndNamesThem() throws Exception {
    CommandLine first = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    first.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                first.execute("serve", "--port", "0", "--data", data.toString(), "--development"));
    Matcher ready = Pattern.compile("ready at (http://\\S+/) ").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!ready.reset(out.toString()).find()) {
      assertThat(exit).as("serve ended early: %s", out).isNotDone();
      assertThat(System.nanoTime()).as("serve did not print its address").isLessThan(deadline);
      Thread.sleep(100);
    }
    URI base = URI.create(ready.group(1));
    HttpResponse<String> declared =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(base.resolve("api/v1/processes/pb-real-2027"))
                    .header("X-Polity-Dev-User", "ada")
                    .header("X-Polity-Dev-Roles", "administrator")
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"title\": {\"en\": \"Real budget\"}, \"zone\":"
                                + " \"Europe/Brussels\", \"template\": \"shared-budget\","
                                + " \"progression\": \"BY_STAFF\", \"territory\": {\"code\":"
                                + " \"R\", \"name\": {\"en\": \"Real\"}}, \"rules\":"
                                + " {\"envelope\": {\"amount\": \"1000\", \"currency\":"
                                + " \"EUR\"}}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    ((ServeCommand) first.getSubcommands().get("serve").getCommand()).stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();

    CommandLine second = PolityCommand.commandLine();
    StringWriter secondOut = new StringWriter();
    StringWriter err = new StringWriter();
    second.setOut(new PrintWriter(secondOut, true));
    second.setErr(new PrintWriter(err, true));
    int code =
        second.execute(
            "serve", "--port", "0", "--data", data.toString(), "--development", "--sample");
    assertThat(code).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
    assertThat(secondOut.toString()).doesNotContain("ready");
    assertThat(err.toString()).contains("only into an empty database").contains("pb-real-2027");
  }

  /** Serves --sample on the data folder, checks the sample over HTTP, stops; returns the output. */
  private String serveTheSample(boolean first) throws Exception {
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute("serve", "--port", "0", "--data", data.toString(), "--sample"));
    Matcher ready = Pattern.compile("ready at (http://\\S+/) ").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!ready.reset(out.toString()).find()) {
      assertThat(exit).as("serve ended early: %s %s", out, err).isNotDone();
      assertThat(System.nanoTime()).as("serve did not print its address").isLessThan(deadline);
      Thread.sleep(100);
    }
    URI base = URI.create(ready.group(1));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // the first administrator's one-time link, printed with the server's own address
    Matcher setup =
        Pattern.compile("No administrator yet: open (http://\\S+/setup/\\S+) ").matcher("");
    long shown = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!setup.reset(out.toString()).find() && System.nanoTime() < shown) {
      Thread.sleep(50);
    }
    assertThat(setup.reset(out.toString()).find()).as(out.toString()).isTrue();
    assertThat(setup.group(1)).startsWith(base.toString());
    HttpResponse<String> setupPage =
        client.send(
            HttpRequest.newBuilder(URI.create(setup.group(1))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(setupPage.statusCode()).as(setupPage.body()).isEqualTo(200);
    HttpResponse<String> processes =
        client.send(
            HttpRequest.newBuilder(base.resolve("api/v1/processes")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(processes.statusCode()).as(processes.body()).isEqualTo(200);
    assertThat(processes.body())
        .contains("\"id\":\"ville-sur-meuse-2027\"")
        .contains("Ville-sur-Meuse (fictional")
        .containsPattern("\"currentPhase\":\\{[^}]*\"id\":\"vote\"");
    assertThat(
            Pattern.compile("\"id\":\"ville-sur-meuse-2027\"").matcher(processes.body()).results())
        .as("one sample, never two")
        .hasSize(1);
    for (Map.Entry<String, String> language :
        Map.of(
                "nl", "\"title\":\"Gedeeld budget 2027 — Maasdorp (fictieve gemeente)",
                "fr", "\"title\":\"Budget partagé 2027 — Ville-sur-Meuse (commune fictive)")
            .entrySet()) {
      HttpResponse<String> translated =
          client.send(
              HttpRequest.newBuilder(base.resolve("api/v1/processes"))
                  .header("Accept-Language", language.getKey())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(translated.body()).as(language.getKey()).contains(language.getValue());
    }
    HttpResponse<String> news =
        client.send(
            HttpRequest.newBuilder(base.resolve("api/v1/news")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(news.body()).contains("The vote is open").contains("Paper ballots at the town hall");
    HttpResponse<String> projects =
        client.send(
            HttpRequest.newBuilder(
                    base.resolve("api/v1/processes/ville-sur-meuse-2027/projects?limit=200"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(projects.statusCode()).as(projects.body()).isEqualTo(200);
    assertThat(projects.body()).contains("\"total\":60").contains("ON_BALLOT");
    ServeCommand serve = (ServeCommand) commandLine.getSubcommands().get("serve").getCommand();
    serve.stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    return out.toString();
  }

  private static String secret(String properties, String name) throws Exception {
    java.util.Properties read = new java.util.Properties();
    read.load(new java.io.StringReader(properties));
    return read.getProperty(name);
  }

  private static ServeCommand parsed(String... arguments) {
    CommandLine commandLine = PolityCommand.commandLine();
    commandLine.parseArgs(arguments);
    return (ServeCommand) commandLine.getSubcommands().get("serve").getCommand();
  }

  @Test
  void servesInProductionSigningInWithAccessTokens() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("key-1").generate();
    Path jwks =
        Files.writeString(data.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
    Map<String, String> properties =
        Map.of(
            "polity.participant-key.current", "v1",
            "polity.participant-key.secret.v1", SECRET,
            "polity.ballot-slot.secret", SECRET,
            "polity.auth.issuer", "https://login.example.be/realms/polity",
            "polity.auth.audience", "polity-api",
            "polity.auth.jwks", jwks.toString(),
            "polity.roles.administrator", "PORTAL_ADMIN");
    properties.forEach(System::setProperty);
    try {
      CommandLine commandLine = PolityCommand.commandLine();
      StringWriter out = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () -> commandLine.execute("serve", "--port", "0", "--data", data.toString()));
      Matcher ready = Pattern.compile("ready at (http://\\S+/) ").matcher("");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!ready.reset(out.toString()).find()) {
        assertThat(exit).as("serve ended early: %s", out).isNotDone();
        assertThat(System.nanoTime()).as("serve did not print its address").isLessThan(deadline);
        Thread.sleep(100);
      }
      URI base = URI.create(ready.group(1));
      SignedJWT token =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("key-1").build(),
              new JWTClaimsSet.Builder()
                  .issuer("https://login.example.be/realms/polity")
                  .audience("polity-api")
                  .subject("ada")
                  .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                  .claim("groups", List.of("PORTAL_ADMIN"))
                  .build());
      token.sign(new RSASSASigner(key));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> me =
          client.send(
              HttpRequest.newBuilder(base.resolve("api/v1/me"))
                  .header("Authorization", "Bearer " + token.serialize())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
      assertThat(me.body()).contains("\"signedIn\":true").contains("administrator");
      HttpResponse<String> anonymous =
          client.send(
              HttpRequest.newBuilder(base.resolve("api/v1/admin/settings")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);

      ServeCommand serve = (ServeCommand) commandLine.getSubcommands().get("serve").getCommand();
      serve.stop();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }
}
