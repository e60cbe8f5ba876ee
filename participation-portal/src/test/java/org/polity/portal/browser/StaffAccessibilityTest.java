package org.polity.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.portal.account.Account;
import org.polity.portal.account.AccountPrincipal;
import org.polity.portal.account.AccountService;
import org.polity.portal.account.IdeaAuthors;
import org.polity.portal.pages.PortalTesting;

/**
 * axe-core on the pages that need a sign-in (staff, the desk, moderation, a refused ballot; the
 * account, "my ideas", the roles of accounts, a refused change of password), in the three
 * languages: Debian's Chromium driven by Selenium, signed in with the development headers (set
 * through the DevTools protocol) or, for the account pages, through the sign-in form; axe-core from
 * npm as {@code ../shared/tools/axe_check.sh} installs it. No violation of impact serious or
 * critical.
 */
class StaffAccessibilityTest {

  @TempDir static Path data;
  static PolityServer server;
  static BallotProcess edition;

  @BeforeAll
  static void start() {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
    server = PortalTesting.developmentServer(data);
    edition =
        BallotProcess.create(
            server.uri(),
            "pb-staff-axe",
            List.of("pb-staff-axe-city"),
            100_000,
            List.of(40_000L, 30_000L, 50_000L),
            List.of("Centre", "North", "Centre"),
            null);
    PortalTesting.openVote(server.uri(), edition.budget());
    // issue 14, the desk's acts and an assembly's pool
    var api = new org.polity.jakarta.standalone.testing.Api(server.uri());
    api.send(
        "PUT",
        "api/v1/processes/axe-assembly",
        """
        {"title": {"en": "Assembly", "fr": "Assemblée", "nl": "Burgerpanel"},
         "kind": "CITIZENS_ASSEMBLY", "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "phases": [{"id": "registration", "kind": "INFORMATION", "actions": ["BE_DRAWN"]}],
         "territory": {"code": "AUD", "name": {"fr": "Auderghem"}},
         "rules": {"envelope": {"amount": "1", "currency": "EUR"}},
         "eligibility": {"BE_DRAWN": {"everyone": {}}}}
        """,
        "ada",
        "administrator");
    api.send(
        "PUT",
        "api/v1/processes/axe-assembly/pool",
        """
        {"features": [{"name": "gender", "label": {"en": "Gender", "fr": "Genre", "nl": "Gender"},
          "values": [{"id": "female", "label": {"en": "Female", "fr": "Femme", "nl": "Vrouw"}},
                     {"id": "male", "label": {"en": "Male", "fr": "Homme", "nl": "Man"}}]}]}
        """,
        "ada",
        "administrator");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** axe-core's script, installed by the shared checker on its first run. */
  static String axe() throws Exception {
    Path script = Path.of("..", "..", "shared", "tools", "axe_check.sh").toAbsolutePath();
    String tmp = System.getenv().getOrDefault("TMPDIR", "/tmp");
    Path axe = Path.of(tmp, "polity-bars", "npm", "node_modules", "axe-core", "axe.min.js");
    if (!Files.exists(axe)) {
      Process install =
          new ProcessBuilder(
                  "bash", script.toString(), server.uri().toString().replaceAll("/$", ""), "/")
              .redirectErrorStream(true)
              .start();
      install.getInputStream().readAllBytes();
      install.waitFor(5, TimeUnit.MINUTES);
    }
    assertThat(axe).as("axe-core installed by " + script).exists();
    return Files.readString(axe);
  }

  @SuppressWarnings("unchecked")
  static List<String> violations(WebDriver page, String axe) {
    JavascriptExecutor js = (JavascriptExecutor) page;
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done("
                + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.html).join(' | '))));");
    return (List<String>) result;
  }

  static void signIn(Browser browser, String user, String roles) {
    ((HasCdp) browser.driver()).executeCdpCommand("Network.enable", Map.of());
    ((HasCdp) browser.driver())
        .executeCdpCommand(
            "Network.setExtraHTTPHeaders",
            Map.of("headers", Map.of("X-Polity-Dev-User", user, "X-Polity-Dev-Roles", roles)));
  }

  @Test
  void theSignedInPagesHaveNoSeriousOrCriticalViolation() throws Exception {
    String axe = axe();
    List<String> found = new ArrayList<>();
    int checked = 0;
    try (Browser browser = Browser.start("en", true)) {
      signIn(browser, "ada", "administrator,moderator,encoder,reviewer");
      WebDriver page = browser.driver();
      List<String> paths =
          List.of(
              "/staff",
              "/staff/editions/pb-staff-axe",
              "/staff/moderation",
              "/desk",
              "/desk/ballots/" + edition.budget(),
              "/editions/pb-staff-axe/paper",
              "/editions/pb-staff-axe/vote/" + edition.budget(),
              "/desk/ideas/pb-staff-axe",
              "/desk/pool/axe-assembly",
              "/staff/pool/axe-assembly",
              "/editions/axe-assembly/pool");
      for (String lang : List.of("fr", "nl", "en")) {
        for (String path : paths) {
          page.get(server.uri().resolve(path + "?lang=" + lang).toString());
          checked++;
          for (String violation : violations(page, axe)) {
            found.add(path + " (" + lang + "): " + violation);
          }
        }
        // a refused ballot: every box ticked is over the basket
        page.get(
            server.uri().resolve("/editions/pb-staff-axe/vote/" + edition.budget()).toString());
        for (var box : page.findElements(By.cssSelector("input[type=checkbox][name=project]"))) {
          box.click();
        }
        page.findElement(By.cssSelector("button[value=vote]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(page, java.time.Duration.ofSeconds(10))
            .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        checked++;
        for (String violation : violations(page, axe)) {
          found.add("refused ballot (" + lang + "): " + violation);
        }
      }
    }
    assertThat(checked).isEqualTo(36);
    assertThat(found).isEmpty();
  }

  @Test
  void theAccountPagesHaveNoSeriousOrCriticalViolation() throws Exception {
    String axe = axe();
    AccountService accounts = server.bean(AccountService.class);
    String email = "alma-" + System.nanoTime() + "@example.be";
    Account account =
        accounts
            .signUp(email, "Alma Admin", "a long enough secret", java.util.Locale.ENGLISH)
            .orElseThrow();
    Caller setup = Caller.of((Principal) () -> "axe-setup", Set.of(PolityRole.ADMINISTRATOR));
    accounts
        .changeRoles(setup, account.id(), Set.of(PolityRole.ADMINISTRATOR), "Runs the portal")
        .orElseThrow();
    server
        .bean(IdeaAuthors.class)
        .submitted(
            Caller.of(AccountPrincipal.of(account), Set.of(PolityRole.PARTICIPANT)),
            ProcessId.of("pb-staff-axe"),
            ProjectId.of(edition.projects().get(0)));
    List<String> found = new ArrayList<>();
    int checked = 0;
    try (Browser browser = Browser.start("en", true)) {
      WebDriver page = browser.driver();
      page.get(server.uri().resolve("/sign-in").toString());
      page.findElement(By.id("email")).sendKeys(email);
      page.findElement(By.id("password")).sendKeys("a long enough secret");
      page.findElement(By.cssSelector("main form button[type=submit]")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(page, java.time.Duration.ofSeconds(10))
          .until(d -> d.getCurrentUrl().contains("/account"));
      List<String> paths =
          List.of(
              "/account", "/account/ideas", "/staff/accounts", "/staff/accounts?email=" + email);
      for (String lang : List.of("fr", "nl", "en")) {
        for (String path : paths) {
          page.get(
              server
                  .uri()
                  .resolve(path + (path.contains("?") ? "&" : "?") + "lang=" + lang)
                  .toString());
          assertThat(page.getPageSource()).as(path).doesNotContain("class=\"error-summary\"");
          checked++;
          for (String violation : violations(page, axe)) {
            found.add(path + " (" + lang + "): " + violation);
          }
        }
        assertThat(page.getPageSource()).contains("Alma Admin").contains("Runs the portal");
        // the account page with a refused form: the current password is wrong
        page.get(server.uri().resolve("/account?lang=" + lang).toString());
        page.findElement(By.id("password-current")).sendKeys("not the password");
        page.findElement(By.id("password")).sendKeys("another long secret");
        page.findElement(By.cssSelector("form[action='/account/password'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(page, java.time.Duration.ofSeconds(10))
            .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        checked++;
        for (String violation : violations(page, axe)) {
          found.add("refused password change (" + lang + "): " + violation);
        }
      }
    }
    assertThat(checked).isEqualTo(15);
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckFindsAnUnlabelledField() throws Exception {
    String axe = axe();
    try (Browser browser = Browser.start("en", true)) {
      browser
          .driver()
          .get("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main><input></main>");
      assertThat(violations(browser.driver(), axe)).anyMatch(v -> v.contains("label"));
    }
  }
}
