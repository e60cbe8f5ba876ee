package org.polity.portal.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.testing.TestDatabase;

/** A site brands its portal with its name, logo and colours; a bad file stops the start. */
class BrandingTest {

  @TempDir Path data;

  Map<String, String> settings() {
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(data));
    settings.put("polity.mode", "development");
    return settings;
  }

  @Test
  void theSitesNameLogoAndStyleSheetAreServed() throws Exception {
    Path logo = data.resolve("logo.svg");
    Files.writeString(
        logo, "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Maasdorp</title></svg>");
    Path css = data.resolve("site.css");
    Files.writeString(css, ":root { --brand: #6b2c91; }");
    Map<String, String> settings = settings();
    settings.put("polity.portal.site-name", "Participation Maasdorp");
    settings.put("polity.portal.logo-file", logo.toString());
    settings.put("polity.portal.stylesheet-file", css.toString());
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      PortalHttp browser = new PortalHttp(server.uri());
      assertThat(browser.get("/?lang=nl").body())
          .contains("<title>Startpagina · Participation Maasdorp</title>")
          .contains("href=\"/assets/site.css\"");
      assertThat(browser.get("/assets/logo").body()).contains("Maasdorp");
      assertThat(browser.get("/assets/site.css").body()).contains("#6b2c91");
    }
  }

  @Test
  void withoutBrandingPolitysLogoAndAnEmptySheet() {
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings()))) {
      PortalHttp browser = new PortalHttp(server.uri());
      assertThat(browser.get("/assets/logo").headers().firstValue("Content-Type").orElseThrow())
          .startsWith("image/svg+xml");
      assertThat(browser.get("/assets/site.css").body()).doesNotContain("{");
    }
  }

  /**
   * A start that stops on a bad setting may leave the embedded database's files being closed while
   * JUnit deletes the folder: this test's database lives in a folder JUnit leaves alone.
   */
  @Test
  void aLogoThatIsNotAnImageStopsTheStartNamingTheSetting(
      @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER) Path other) throws Exception {
    Path text = data.resolve("logo.txt");
    Files.writeString(text, "not a logo");
    Map<String, String> settings = new HashMap<>(TestDatabase.h2(other));
    settings.put("polity.mode", "development");
    settings.put("polity.portal.logo-file", text.toString());
    assertThatThrownBy(
            () -> PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings)).close())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("polity.portal.logo-file");
  }
}
