package org.polity.jakarta.standalone.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/settings.md} is what {@link SettingsReference} generates from the descriptors. With
 * {@code -Dpolity.docs.write=true} the test writes the file instead of failing.
 */
class SettingsReferenceTest {

  /** The file, from the module's folder (where Maven runs the tests). */
  static final Path FILE = Path.of("..", "docs", "settings.md");

  @TempDir Path data;

  @Test
  void theSettingsReferenceIsUpToDate() throws IOException {
    String generated = SettingsReference.ofTheApplication(data);
    assertThat(generated)
        .contains("| `polity.news.page-size` | `20` |")
        .contains("| `polity.phases.check-interval` | `PT1M` |")
        .contains("| `polity.map.tiles-url` | `https://tile.openstreetmap.org/{z}/{x}/{y}.png` |");
    if (Boolean.getBoolean("polity.docs.write")) {
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(FILE))
        .as("docs/settings.md is missing: " + SettingsReference.REGENERATE)
        .isTrue();
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("docs/settings.md is out of date; regenerate it with: " + SettingsReference.REGENERATE)
        .isEqualTo(generated);
  }
}
