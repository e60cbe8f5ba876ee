package org.polity.jakarta.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the adapter's architecture (issue 11), as tests.
 *
 * <ul>
 *   <li>It embeds in any Jakarta EE 10 portal: outside its {@code standalone} package it uses only
 *       the Jakarta and MicroProfile APIs, the core, Flyway and HikariCP, never an implementation.
 *   <li>A REST resource (a class annotated {@code @Path}) calls application services, never
 *       storage: no {@code *Store}, no {@code EntityManager}, no {@code PolityDatabase}.
 *   <li>An application service (a class named {@code *Service}, or a capability's CDI bean that is
 *       neither a resource, a store nor a producer) throws and returns no JAX-RS type: it does not
 *       depend on {@code jakarta.ws.rs}.
 *   <li>The shared infrastructure ({@link #INFRASTRUCTURE}) knows no capability ({@link
 *       #CAPABILITIES}).
 *   <li>A capability's internals (its stores, storage records, JSON codecs and documents) are used
 *       by that capability only; others call its application service.
 * </ul>
 */
class AdapterArchitectureTest {

  /** The capability packages, one per participatory feature. */
  static final List<String> CAPABILITIES =
      List.of(
          "process",
          "project",
          "voting",
          "results",
          "eligibility",
          "cartography",
          "identity",
          "administration",
          "news");

  /** The shared infrastructure packages. */
  static final List<String> INFRASTRUCTURE =
      List.of("problem", "security", "config", "persistence", "plugins", "http", "spi", "events");

  private static final String ROOT = "org.polity.jakarta.";

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

  @Test
  void resourcesDependOnServicesNotOnStorage() {
    noClasses()
        .that()
        .areAnnotatedWith("jakarta.ws.rs.Path")
        .should()
        .dependOnClassesThat(storage())
        .because("a resource translates HTTP to one application service call (issue 11)")
        .check(classes);
  }

  @Test
  void servicesDoNotDependOnJaxRs() {
    noClasses()
        .that(applicationServices())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.ws.rs..")
        .because("services return values; one place maps them to HTTP (issue 11)")
        .check(classes);
  }

  @Test
  void sharedInfrastructureKnowsNoCapability() {
    noClasses()
        .that()
        .resideInAnyPackage(packages(INFRASTRUCTURE))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(CAPABILITIES))
        .because("adding a capability must not edit shared infrastructure (issue 11)")
        .check(classes);
  }

  @Test
  void aCapabilitysInternalsAreUsedByThatCapabilityOnly() {
    List<ArchRule> rules =
        CAPABILITIES.stream()
            .map(
                capability ->
                    (ArchRule)
                        classes()
                            .that(internalsOf(capability))
                            .should()
                            .onlyHaveDependentClassesThat()
                            .resideInAPackage(ROOT + capability + "..")
                            .allowEmptyShould(true))
            .toList();
    CompositeArchRule.of(rules)
        .because("other capabilities call a capability's application service (issue 11)")
        .check(classes);
  }

  /** Storage: the stores, JPA's {@code EntityManager}, the adapter's database. */
  private static DescribedPredicate<JavaClass> storage() {
    return describe(
        "are storage (*Store, EntityManager, PolityDatabase)",
        c ->
            c.getSimpleName().endsWith("Store")
                || c.getName().equals("jakarta.persistence.EntityManager")
                || c.getName().equals("org.polity.jakarta.persistence.PolityDatabase"));
  }

  /**
   * Application services: classes named {@code *Service}, and the CDI beans of capability packages
   * that are neither resources, stores, producers nor providers.
   */
  private static DescribedPredicate<JavaClass> applicationServices() {
    return describe(
        "are application services (*Service, or a capability's bean that is no resource, store or"
            + " producer)",
        c -> {
          if (c.getSimpleName().endsWith("Service")) {
            return true;
          }
          boolean bean =
              c.isAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
                  || c.isAnnotatedWith("jakarta.inject.Singleton")
                  || c.isAnnotatedWith("jakarta.enterprise.context.RequestScoped");
          return bean
              && resideInAnyPackage(packages(CAPABILITIES)).test(c)
              && !c.isAnnotatedWith("jakarta.ws.rs.Path")
              && !c.isAnnotatedWith("jakarta.ws.rs.ext.Provider")
              && !simpleNameEndingWith("Store").test(c)
              && !simpleNameEndingWith("Producer").test(c)
              && !simpleNameEndingWith("Provider").test(c);
        });
  }

  /** A capability's internals: its stores, storage records, JSON codecs and documents. */
  private static DescribedPredicate<JavaClass> internalsOf(String capability) {
    return describe(
        "are internals of " + capability + " (*Store, *Record, *Json, *Documents)",
        c ->
            (c.getPackageName().equals(ROOT + capability)
                    || c.getPackageName().startsWith(ROOT + capability + "."))
                && (c.getSimpleName().endsWith("Store")
                    || c.getSimpleName().endsWith("Record")
                    || c.getSimpleName().endsWith("Json")
                    || c.getSimpleName().endsWith("Documents")));
  }

  private static String[] packages(List<String> names) {
    return names.stream().map(name -> ROOT + name + "..").toArray(String[]::new);
  }
}
