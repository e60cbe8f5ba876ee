package org.polity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
        "serve", "--port", "0", "--data", data.toString(), "--development",
        "--districts", Path.of(System.getProperty("polity.shared.dir"), "geo/brussels_municipalities.geojson").toString(),
        "--districts-id-property", "nis"));
    Matcher ready = Pattern.compile("ready at (http://\\S+/) ").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!ready.reset(out.toString()).find()) {
      assertThat(exit).as("serve ended early: %s", out).isNotDone();
      assertThat(System.nanoTime()).as("serve did not print its address").isLessThan(deadline);
      Thread.sleep(100);
    }
    URI base = URI.create(ready.group(1));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("polity-database").contains("UP");
    // the example portal serves the map as OGC API - Features
    HttpResponse<String> landing = client.send(HttpRequest.newBuilder(base.resolve("ogc")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.body()).contains("\"service-desc\"").contains(base + "ogc/api")
        .contains(base + "ogc/collections");
    HttpResponse<String> collections = client.send(HttpRequest.newBuilder(base.resolve("ogc/collections")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(collections.statusCode()).isEqualTo(200);
    assertThat(collections.body()).contains("\"id\":\"initiatives\"").contains("\"id\":\"districts\"");
    HttpResponse<String> districts = client.send(HttpRequest.newBuilder(
        base.resolve("ogc/collections/districts/items?limit=100")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(districts.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/geo+json"));
    assertThat(districts.body()).contains("\"numberReturned\":19").contains("Etterbeek");
    HttpResponse<String> api = client.send(HttpRequest.newBuilder(base.resolve("ogc/api")).build(),
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
  void refusesToStartInProductionWithoutASecret() {
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute("serve", "--port", "0", "--data", data.toString());
    assertThat(code).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
    assertThat(err.toString()).contains("polity.participant-key.current is not set");
  }
}
