package org.polity.portal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.jakarta.standalone.docs.SettingsReference;

/**
 * {@code docs/settings.md} is what {@link SettingsReference} generates from the descriptors of
 * {@code polity serve}'s capabilities, the portal's included. With {@code -Dpolity.docs.write=true}
 * the test writes the file instead of failing.
 */
class SettingsReferenceTest {

  /** The file, from the module's folder (where Maven runs the tests). */
  static final Path FILE = Path.of("..", "docs", "settings.md");

  @TempDir Path data;

  @Test
  void theSettingsReferenceIsUpToDate() throws IOException {
    String generated = SettingsReference.ofTheApplication(data);
    assertThat(generated)
        .contains("| `polity.portal.site-name` | `Polity` |")
        .contains("| `polity.news.page-size` | `20` |");
    if (Boolean.getBoolean("polity.docs.write")) {
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("docs/settings.md is out of date; regenerate it with: " + SettingsReference.REGENERATE)
        .isEqualTo(generated);
  }
}
