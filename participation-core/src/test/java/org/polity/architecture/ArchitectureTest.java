package org.polity.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the core a framework-free domain library (STYLE.md, habits 1 and 2). */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.polity");
  }

  @Test
  void coreIsImported() {
    // Guards the rules below against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(core.contain(org.polity.common.LocalizedText.class))
        .isTrue();
  }

  @Test
  void coreUsesNoJakartaCdiPersistenceOrJsonBinding() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "javax.persistence..",
            "javax.enterprise..",
            "javax.inject..",
            "javax.ws..",
            "javax.json..",
            "org.eclipse.microprofile..",
            "org.jboss..",
            "org.hibernate..",
            "org.glassfish..")
        .because("core speaks the domain; frameworks belong in participation-jakarta-ee")
        .check(core);
  }

  @Test
  void coreNeverDependsOnTheAdapter() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.polity.jakarta..")
        .because("the adapter depends on core, never the reverse")
        .check(core);
  }

  @Test
  void spiDoesNotDependOnInternals() {
    noClasses()
        .that()
        .resideInAPackage("..spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..internal..")
        .allowEmptyShould(true)
        .because("plugins implement the SPI against public types only")
        .check(core);
  }

  @Test
  void spiPackagesHoldOnlyInterfacesAndValues() {
    classes()
        .that()
        .resideInAPackage("..spi..")
        .and()
        .areTopLevelClasses()
        .should()
        .beInterfaces()
        .orShould()
        .beRecords()
        .orShould()
        .beEnums()
        .allowEmptyShould(true)
        .because("an extension point is a small interface with its value types")
        .check(core);
  }
}
