package org.polity.sortition;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The solver stays an implementation detail: only internals use ojAlgo. */
class SortitionArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.polity");

  @Test
  void onlyInternalsUseTheSolver() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.polity.sortition.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ojalgo..")
        .because("the solver may be swapped; API and SPI must not expose it")
        .check(classes);
  }

  @Test
  void spiDoesNotDependOnInternals() {
    noClasses()
        .that()
        .resideInAPackage("org.polity.sortition.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.polity.sortition.internal..")
        .check(classes);
  }
}
