package org.polity.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.BallotProcess;
import org.polity.jakarta.testing.TestDatabase;
import org.polity.portal.pages.PortalTesting;

/**
 * A resident's reading of the portal in a real browser: the front page, the language switch, an
 * edition with its filters, a project, and the ballot whose running total the script keeps; with
 * scripts off, the same pages and the server-side total. Screenshots go to {@code docs/images}.
 */
class ResidentBrowserTest {

  @TempDir static Path data;
  static PolityServer server;
  static BallotProcess edition;

  @BeforeAll
  static void start() {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    settings.put("polity.portal.site-name", "Ville-sur-Meuse");
    server = PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings));
    edition =
        BallotProcess.create(
            server.uri(),
            "pb-browser",
            List.of("pb-browser-city"),
            100_000,
            List.of(40_000L, 30_000L, 50_000L, 20_000L),
            List.of("Centre", "North", "Centre", "North"),
            null);
    PortalTesting.openVote(server.uri(), edition.budget());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String url(String path) {
    return server.uri().resolve(path).toString();
  }

  /** The docs' screenshots folder, from the module's directory. */
  static Path images() {
    return Path.of("..", "docs", "images");
  }

  /** Waits until the page a click asked for is the one shown (never reads the old one). */
  static void loaded(WebDriver page, String inAddress) {
    new WebDriverWait(page, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains(inAddress));
  }

  @Test
  void aResidentReadsTheSiteAndSwitchesLanguage() {
    try (Browser browser = Browser.start("fr", true)) {
      WebDriver page = browser.driver();
      page.get(url("/"));
      assertThat(page.findElement(By.tagName("h1")).getText())
          .isEqualTo("Participez aux décisions de votre commune");
      browser.screenshot(images().resolve("portal-home.png"));
      page.findElement(By.linkText("Nederlands")).click();
      loaded(page, "lang=nl");
      assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
      page.get(url("/editions/pb-browser"));
      assertThat(page.findElement(By.tagName("html")).getAttribute("lang"))
          .as("the choice is remembered")
          .isEqualTo("nl");
      page.findElement(By.linkText("English")).click();
      loaded(page, "lang=en");
      page.findElement(By.id("district")).sendKeys("North");
      page.findElement(By.cssSelector("form.filters button")).click();
      loaded(page, "district=North");
      assertThat(page.findElement(By.cssSelector("[role=status]")).getText())
          .isEqualTo("2 projects match.");
      browser.screenshot(images().resolve("portal-edition.png"));
      page.findElements(By.cssSelector("#project-list h3 a")).get(0).click();
      loaded(page, "/projects/");
      assertThat(page.findElement(By.tagName("h1")).getText()).endsWith(" 2");
      assertThat(page.findElement(By.tagName("h2")).getText()).isEqualTo("Description");
    }
  }

  @Test
  void theBasketTotalFollowsTheTicksWithScriptsAndTheServerCountsItWithout() {
    try (Browser browser = Browser.start("en", true)) {
      WebDriver page = browser.driver();
      page.get(url("/editions/pb-browser/vote/" + edition.budget()));
      page.findElement(By.id("p-" + edition.projects().get(0))).click();
      page.findElement(By.id("p-" + edition.projects().get(2))).click();
      new WebDriverWait(page, Duration.ofSeconds(5))
          .until(
              d -> d.findElement(By.cssSelector("[data-basket-total]")).getText().contains("90"));
      assertThat(page.findElement(By.cssSelector("[data-basket-total]")).getText())
          .isEqualTo("€90,000");
      page.findElement(By.id("p-" + edition.projects().get(1))).click();
      assertThat(page.findElement(By.cssSelector("[data-basket-status]")).getText())
          .isEqualTo("Your basket exceeds the limits: remove a project.");
      browser.screenshot(images().resolve("portal-vote.png"));
    }
    try (Browser browser = Browser.start("en", false)) {
      WebDriver page = browser.driver();
      page.get(url("/editions/pb-browser/vote/" + edition.budget()));
      page.findElement(By.id("p-" + edition.projects().get(0))).click();
      page.findElement(By.id("p-" + edition.projects().get(1))).click();
      page.findElement(By.cssSelector("button[value=check]")).click();
      // the answer's notice first: it is not on the page the click left, so this waits for the new
      // one
      assertThat(page.findElement(By.cssSelector(".success")).getText())
          .isEqualTo("Your basket is valid. You can still change it, then vote.");
      assertThat(page.findElement(By.cssSelector("[data-basket-total]")).getText())
          .isEqualTo("€70,000");
    }
  }
}
