package org.polity.jakarta.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapter does not know the standalone runtime that embeds it (issue 11): an agency that puts
 * {@code participation-jakarta-ee} in its own server gets none of Weld SE, Jersey's server, the
 * token sign-in or the H2 defaults, so no main class of the adapter may refer to this package.
 */
class AdapterIndependenceTest {

  /** The adapter's main classes only: its jar or its {@code target/classes}, not its tests. */
  private final JavaClasses adapter =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> location.contains("participation-jakarta-ee"))
          .importPackages("org.polity.jakarta");

  @Test
  void theAdaptersMainCodeNeverDependsOnTheStandaloneRuntime() {
    assertThat(adapter.contain(org.polity.jakarta.plugins.Plugins.class)).isTrue();
    assertThat(adapter.contain(StandaloneApplication.class)).isFalse();
    noClasses()
        .should()
        .resideInAPackage("org.polity.jakarta.standalone..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.polity.jakarta.standalone..")
        .because("the adapter embeds in any Jakarta EE server; the runtime depends on it, not back")
        .check(adapter);
  }
}
