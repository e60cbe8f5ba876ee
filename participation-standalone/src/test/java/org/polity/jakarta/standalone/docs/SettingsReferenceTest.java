package org.polity.jakarta.standalone.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/settings.md} lists every setting of the standalone runtime's capabilities. The file
 * is the reference of {@code polity serve}, which also runs the portal: the portal module's {@code
 * SettingsReferenceTest} generates it whole (with {@code -Dpolity.docs.write=true}) and checks it
 * is up to date; this test checks that no setting of the standalone runtime is missing.
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
    assertThat(Files.exists(FILE))
        .as("docs/settings.md is missing: " + SettingsReference.REGENERATE)
        .isTrue();
    String file = Files.readString(FILE, StandardCharsets.UTF_8);
    for (String row : generated.lines().filter(l -> l.startsWith("| `polity.")).toList()) {
      assertThat(file)
          .as(
              "docs/settings.md is out of date; regenerate it with: "
                  + SettingsReference.REGENERATE)
          .contains(row);
    }
  }
}
