package org.polity.jakarta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapter embeds in any Jakarta EE 10 portal: outside its {@code standalone} package it uses
 * only the Jakarta and MicroProfile APIs, the core, Flyway and HikariCP, never an implementation.
 */
class AdapterArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.polity.jakarta");

  @Test
  void onlyTheStandalonePackageUsesImplementations() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.polity.jakarta.standalone..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.jboss.weld..",
            "org.glassfish..",
            "org.hibernate..",
            "io.smallrye..",
            "org.h2..",
            "org.postgresql..",
            "org.eclipse.yasson..",
            "org.eclipse.parsson..",
            "com.nimbusds..")
        .check(classes);
  }
}
