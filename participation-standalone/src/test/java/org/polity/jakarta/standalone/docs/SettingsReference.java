package org.polity.jakarta.standalone.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.polity.jakarta.Capabilities;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Setting;
import org.polity.jakarta.standalone.PolityServer;

/**
 * Writes the settings reference, {@code docs/settings.md}, from the settings every capability
 * declares ({@link Capability#settings()}): the capabilities are those the application collects,
 * found by starting a development server on a throw-away H2 database.
 *
 * <p>Regenerate the file from the repository's root with
 *
 * <pre>
 * mvn -B -o -q verify -pl participation-standalone -am -Dtest=SettingsReferenceTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpolity.docs.write=true
 * </pre>
 */
public final class SettingsReference {

  /** The command that regenerates the file, as the file itself says. */
  public static final String REGENERATE =
      "mvn -B -o -q verify -pl participation-portal -am -Dtest=SettingsReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpolity.docs.write=true";

  private SettingsReference() {}

  /**
   * The reference of a set of capabilities, as Markdown.
   *
   * @param capabilities the capabilities
   * @return the text of {@code docs/settings.md}
   */
  public static String markdown(Capabilities capabilities) {
    StringBuilder text = new StringBuilder();
    text.append("# Settings of the capabilities\n\n")
        .append("<!-- Generated from the capabilities' descriptors by")
        .append(" org.polity.jakarta.standalone.docs.SettingsReference; do not edit by hand.\n")
        .append("     Regenerate it from the repository's root with:\n     ")
        .append(REGENERATE)
        .append("\n     SettingsReferenceTest fails when this file is out of date. -->\n\n")
        .append("Each capability declares the settings it reads in its descriptor (")
        .append("`org.polity.jakarta.spi.Capability#settings()`), with a default and a check.\n")
        .append("They are read through MicroProfile Config (system properties, environment")
        .append(
            " variables such as\n`POLITY_NEWS_PAGE_SIZE`, `META-INF/microprofile-config.properties`,")
        .append(" `-Dpolity.news.page-size=50`)\nand checked when the application starts: a wrong")
        .append(" value stops the start with the key and what to\nfix.\n\n")
        .append("The infrastructure's own settings (`polity.mode`, `polity.database.*`,")
        .append(" `polity.roles.*`,\n`polity.participant-key.*`, `polity.ballot-slot.secret`,")
        .append(" `polity.auth.*`) are read by\n`org.polity.jakarta.config.PolitySettings`; ")
        .append("[embedding.md](embedding.md) explains them.\n");
    for (Capability capability : capabilities.all()) {
      if (capability.settings().isEmpty()) {
        continue;
      }
      text.append("\n## ")
          .append(capability.id())
          .append("\n\n| Key | Default | Description |\n|---|---|---|\n");
      for (Setting setting : capability.settings()) {
        text.append("| `")
            .append(setting.key())
            .append("` | ")
            .append(setting.defaultValue().map(d -> "`" + d + "`").orElse("none"))
            .append(" | ")
            .append(setting.description().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return text.toString();
  }

  /**
   * The reference of the capabilities the application collects.
   *
   * @param data a throw-away folder for the H2 database
   * @return the text of {@code docs/settings.md}
   */
  public static String ofTheApplication(Path data) {
    Map<String, String> settings = new HashMap<>();
    settings.put("polity.mode", "development");
    settings.put(
        "polity.database.url", "jdbc:h2:file:" + data.resolve("settings").toAbsolutePath());
    try (PolityServer server =
        PolityServer.start(new PolityServer.Options("127.0.0.1", 0, settings))) {
      return markdown(server.bean(Capabilities.class));
    }
  }

  /**
   * Writes {@code docs/settings.md}.
   *
   * @param args the file to write (default {@code docs/settings.md})
   * @throws IOException when it cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "docs/settings.md");
    Path data = Files.createTempDirectory("polity-settings");
    Files.writeString(file, ofTheApplication(data), StandardCharsets.UTF_8);
  }
}
