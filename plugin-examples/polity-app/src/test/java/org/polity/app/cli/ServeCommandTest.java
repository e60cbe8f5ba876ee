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

  @Test
  void refusesToStartInProductionWithoutASecret() {
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute("serve", "--port", "0", "--data", data.toString());
    assertThat(code).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("polity.participant-key.current is not set");
  }

  private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  @Test
  void refusesToStartInProductionWithoutAuthenticationAndNamesTheKeys() {
    Map<String, String> properties =
        Map.of(
            "polity.participant-key.current", "v1",
            "polity.participant-key.secret.v1", SECRET,
            "polity.ballot-slot.secret", SECRET);
    properties.forEach(System::setProperty);
    try {
      CommandLine commandLine = PolityCommand.commandLine();
      StringWriter err = new StringWriter();
      commandLine.setErr(new PrintWriter(err, true));
      int code = commandLine.execute("serve", "--port", "0", "--data", data.toString());
      assertThat(code).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
      assertThat(err.toString())
          .contains("No authentication is configured")
          .contains("polity.auth.issuer")
          .contains("polity.auth.audience")
          .contains("polity.auth.jwks")
          .contains("polity.auth.anonymous-only");
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
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
