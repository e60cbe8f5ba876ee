package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;

/**
 * axe-core, run in Debian's headless Chromium by {@code ../shared/tools/axe_check.sh}, reports no
 * violation of impact serious or critical on the portal's pages, in French, Dutch and English. The
 * checker loads only pages answered with 2xx, so refusals are checked by the browser tests. Skipped
 * (with the reason) only where Chromium is not installed; {@code .ci/run} installs it.
 */
class AccessibilityTest {

  @TempDir static Path data;
  static PolityServer server;
  static BallotProcess edition;
  static BallotProcess points;

  @BeforeAll
  static void start() {
    server = PortalTesting.developmentServer(data);
    edition =
        BallotProcess.create(
            server.uri(),
            "pb-axe",
            List.of("pb-axe-city"),
            100_000,
            List.of(40_000L, 30_000L, 50_000L),
            List.of("Centre", "North", "Centre"),
            null);
    PortalTesting.openVote(server.uri(), edition.budget());
    points = BallotProcess.create(server.uri(), "pb-axe-points", 100_000, List.of(10_000L), null);
    PortalTesting.openVote(
        server.uri(), points.budget(), "{\"kind\":\"cumulative\",\"pointsToSpread\":10}");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The pages checked, without their language. */
  static List<String> pages() {
    return List.of(
        "/",
        "/editions/pb-axe",
        "/editions/pb-axe?district=North&q=projet",
        "/editions/pb-axe/projects/" + edition.projects().get(0),
        "/editions/pb-axe/vote/" + edition.budget(),
        "/editions/" + points.process() + "/vote/" + points.budget(),
        "/editions/pb-axe/results",
        "/editions/pb-axe/ideas/new",
        "/receipts",
        "/news",
        "/receipts?budget=" + edition.budget(),
        "/sign-in",
        "/sign-up",
        "/password-reset");
  }

  @Test
  void noPageHasASeriousOrCriticalViolationInAnyLanguage() throws Exception {
    Path script = Path.of("..", "..", "shared", "tools", "axe_check.sh").toAbsolutePath();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "Chromium is not installed");
    assertThat(script).as("the shared accessibility checker").exists();
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    String base = server.uri().toString().replaceAll("/$", "");
    command.add(base);
    for (String path : pages()) {
      for (String lang : List.of("fr", "nl", "en")) {
        command.add(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
      }
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished).as("axe_check.sh finished: " + output).isTrue();
    assertThat(output).contains(pages().size() * 3 + " pages checked");
    assertThat(process.exitValue()).as(output).isZero();
  }
}
