package org.polity.portal.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for the portal's end-to-end tests: Debian's {@code /usr/bin/chromium}
 * driven through Debian's {@code /usr/bin/chromedriver} by Selenium WebDriver (never a browser
 * download), with a fresh profile and the background connections off (this machine's network is
 * closed). {@code .ci/run} installs both packages.
 */
public final class Browser implements AutoCloseable {

  /** Debian's Chromium. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Debian's ChromeDriver. */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profile;

  private Browser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Whether the browser and its driver are installed.
   *
   * @return whether
   */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Starts a browser.
   *
   * @param language the browser's language ({@code fr}, {@code nl}, {@code en})
   * @param javascript whether scripts run (the core flows must work without)
   * @return the browser
   */
  public static Browser start(String language, boolean javascript) {
    try {
      Path profile = Files.createTempDirectory("polity-chromium-");
      System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--lang=" + language,
          "--user-data-dir=" + profile);
      options.addArguments("--accept-lang=" + language);
      if (!javascript) {
        options.addArguments("--blink-settings=scriptEnabled=false");
      }
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
              .usingAnyFreePort()
              .build();
      WebDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1280, 1000));
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      // a form sent by a click loads its answer after click() returns: wait for what it shows
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The driver.
   *
   * @return the driver
   */
  public WebDriver driver() {
    return driver;
  }

  /**
   * Saves a screenshot of the window, for the documentation.
   *
   * @param file where, such as {@code docs/images/portal-home.png}
   */
  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
