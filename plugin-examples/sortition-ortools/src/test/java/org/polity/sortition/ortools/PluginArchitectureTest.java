package org.polity.sortition.ortools;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin uses only core's public API and SPI. */
class PluginArchitectureTest {

  @Test
  void pluginDoesNotUseCoreInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.polity.sortition.internal..")
        .because("a plugin builds on the public API and SPI only")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.polity.sortition.ortools"));
  }
}
