package org.polity.jakarta.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A capability of the adapter declares itself (as a Decidim component manifest does): its id, its
 * REST resources, the actions that need a permission and who may take them, its settings with their
 * defaults and checks, its database migrations and its persistent entities.
 *
 * <p>A capability is a package ({@code org.polity.jakarta.voting}, {@code org.polity.jakarta.news},
 * or a plugin's own) with one CDI bean implementing this interface ({@code @ApplicationScoped}).
 * The application collects every such bean at start-up: the REST application mounts the resources,
 * the persistence unit lists the entities, Flyway runs the migrations of every capability in
 * version order, the settings are read and checked, and the endpoint-by-role test and the settings
 * reference are driven by the same declarations. Adding a capability adds a package and its
 * descriptor, and edits no central list.
 */
public interface Capability {

  /**
   * The capability's id: lower-case words with dashes, unique in the application.
   *
   * @return the id, such as {@code voting}
   */
  String id();

  /**
   * The Jakarta REST resource classes (CDI beans) of the capability.
   *
   * @return the classes; empty when it has no API
   */
  default Set<Class<?>> resources() {
    return Set.of();
  }

  /**
   * Whether the capability's resources are web pages for people (a portal) rather than an API: they
   * are served like any resource but left out of the OpenAPI document, which describes the API's
   * contract ({@code /api/v1}, {@code /ogc}) only.
   *
   * @return true for a capability of pages; false (the default) for an API
   */
  default boolean servesPages() {
    return false;
  }

  /**
   * The actions that need a permission, and who may take them.
   *
   * @return the permissions
   */
  default List<Permission> permissions() {
    return List.of();
  }

  /**
   * The settings the capability reads, with their defaults and checks.
   *
   * @return the settings
   */
  default List<Setting> settings() {
    return List.of();
  }

  /**
   * The class-path folder of the capability's Flyway migrations, such as {@code
   * db/migration/polity/news}. Versions are global across capabilities: a new migration takes the
   * next free number ({@code docs/development.md} lists them).
   *
   * @return the folder, or empty when the capability stores nothing of its own
   */
  default Optional<String> migrations() {
    return Optional.empty();
  }

  /**
   * The Jakarta Persistence entity classes of the capability.
   *
   * @return the classes; empty when it has none
   */
  default Set<Class<?>> entities() {
    return Set.of();
  }
}
