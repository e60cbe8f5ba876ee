package org.polity.jakarta;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.jakarta.config.ConfigurationException;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;
import org.polity.jakarta.spi.Setting;

/**
 * The capabilities of the running application: every CDI bean implementing {@link Capability},
 * collected once, checked as a whole (unique ids, unique settings keys, each resource and entity
 * claimed by one capability) and sorted by id. The REST application mounts their {@link
 * #resources()}, the persistence unit lists their {@link #entities()}, Flyway runs their {@link
 * #migrationLocations()}, and their {@link #settings()} are checked when the application starts: a
 * wrong value stops the start with a {@link ConfigurationException} naming the key and the fix.
 *
 * <p>Code that CDI does not inject (a Jakarta REST {@code Application}) calls {@link #current()};
 * tools and tests that run without CDI build a set with {@link #of(Collection)}.
 */
@ApplicationScoped
public class Capabilities {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Inject @Any Instance<Capability> found;

  private List<Capability> all;

  /** Creates the bean; CDI calls it. */
  public Capabilities() {}

  private Capabilities(List<Capability> all) {
    this.all = all;
  }

  /**
   * The capabilities given, checked as the application checks the ones it collects (settings
   * excepted: {@link #checkSettings(Config)} does that).
   *
   * @param capabilities the descriptors
   * @return the set of capabilities
   * @throws IllegalStateException when two share an id, or claim the same resource, entity or key
   */
  public static Capabilities of(Collection<? extends Capability> capabilities) {
    return new Capabilities(checked(capabilities));
  }

  /**
   * The capabilities of the running CDI container, for code that CDI does not inject.
   *
   * @return the application's capabilities
   */
  public static Capabilities current() {
    return CDI.current().select(Capabilities.class).get();
  }

  @PostConstruct
  void collect() {
    List<Capability> beans = new ArrayList<>();
    for (Capability capability : found) {
      beans.add(capability);
    }
    all = checked(beans);
    checkSettings(ConfigProvider.getConfig());
  }

  /**
   * Collects and checks the capabilities as soon as the application starts, so that a wrong
   * descriptor or setting stops the start rather than the first request.
   *
   * @param started the application context's initialisation (CDI fires it)
   */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    all();
  }

  /**
   * Every capability, sorted by id.
   *
   * @return the capabilities
   */
  public List<Capability> all() {
    return all;
  }

  /**
   * The capability of an id.
   *
   * @param id the id
   * @return the capability, or empty
   */
  public Optional<Capability> byId(String id) {
    return all.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The capability that declares a resource class.
   *
   * @param resource the resource class
   * @return the capability, or empty when none declares it
   */
  public Optional<Capability> owner(Class<?> resource) {
    return all.stream().filter(c -> c.resources().contains(resource)).findFirst();
  }

  /**
   * The resource classes of every capability, by capability id then class name.
   *
   * @return the classes
   */
  public Set<Class<?>> resources() {
    Set<Class<?>> resources = new LinkedHashSet<>();
    all.forEach(c -> resources.addAll(byName(c.resources())));
    return resources;
  }

  /**
   * The resource classes of every capability that serves an API ({@link Capability#servesPages()}
   * false): what the OpenAPI document describes.
   *
   * @return the classes, by capability id then class name
   */
  public Set<Class<?>> apiResources() {
    Set<Class<?>> resources = new LinkedHashSet<>();
    all.stream()
        .filter(c -> !c.servesPages())
        .forEach(c -> resources.addAll(byName(c.resources())));
    return resources;
  }

  /**
   * The entity classes of every capability.
   *
   * @return the classes
   */
  public Set<Class<?>> entities() {
    Set<Class<?>> entities = new LinkedHashSet<>();
    all.forEach(c -> entities.addAll(byName(c.entities())));
    return entities;
  }

  /**
   * The Flyway locations of every capability that stores something ({@code classpath:} and the
   * folder).
   *
   * @return the locations
   */
  public List<String> migrationLocations() {
    return all.stream()
        .flatMap(c -> c.migrations().stream())
        .map(folder -> folder.startsWith("classpath:") ? folder : "classpath:" + folder)
        .distinct()
        .toList();
  }

  /**
   * The settings of every capability, by capability id.
   *
   * @return the settings
   */
  public List<Setting> settings() {
    return all.stream().flatMap(c -> c.settings().stream()).toList();
  }

  /**
   * Checks every capability's settings against a configuration.
   *
   * @param config the configuration
   * @throws ConfigurationException listing every wrong value, each with its key and fix
   */
  public void checkSettings(Config config) {
    List<String> problems = new ArrayList<>();
    for (Setting setting : settings()) {
      setting.problem(config).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  private static List<Class<?>> byName(Set<Class<?>> classes) {
    return classes.stream().sorted(Comparator.comparing(Class::getName)).toList();
  }

  private static List<Capability> checked(Collection<? extends Capability> capabilities) {
    List<String> problems = new ArrayList<>();
    Map<String, Capability> byId = new LinkedHashMap<>();
    Map<Class<?>, String> resourceOwner = new LinkedHashMap<>();
    Map<Class<?>, String> entityOwner = new LinkedHashMap<>();
    Map<String, String> keyOwner = new LinkedHashMap<>();
    Map<String, String> actionOwner = new LinkedHashMap<>();
    for (Capability capability : capabilities) {
      String id = capability.id();
      String type = capability.getClass().getName();
      if (id == null || !ID.matcher(id).matches()) {
        problems.add(
            "The capability "
                + type
                + " has the id '"
                + id
                + "': give lower-case words joined by dashes, such as news or paper-ballots.");
        continue;
      }
      Capability other = byId.putIfAbsent(id, capability);
      if (other != null) {
        problems.add(
            "Two capabilities have the id '"
                + id
                + "': "
                + other.getClass().getName()
                + " and "
                + type
                + ". Give each capability its own id.");
        continue;
      }
      claim(problems, resourceOwner, capability.resources(), id, "resource");
      claim(problems, entityOwner, capability.entities(), id, "entity");
      for (Setting setting : capability.settings()) {
        String owner = keyOwner.putIfAbsent(setting.key(), id);
        if (owner != null) {
          problems.add(
              "The capabilities "
                  + owner
                  + " and "
                  + id
                  + " both declare the setting "
                  + setting.key()
                  + ": a setting belongs to one capability.");
        }
      }
      for (Permission permission : capability.permissions()) {
        String owner = actionOwner.putIfAbsent(permission.action(), id);
        if (owner != null) {
          problems.add(
              "The capabilities "
                  + owner
                  + " and "
                  + id
                  + " both declare the action "
                  + permission.action()
                  + ": name each action after its capability.");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Polity's capabilities do not fit together:\n  - " + String.join("\n  - ", problems));
    }
    return byId.values().stream().sorted(Comparator.comparing(Capability::id)).toList();
  }

  private static void claim(
      List<String> problems,
      Map<Class<?>, String> owners,
      Set<Class<?>> classes,
      String id,
      String what) {
    for (Class<?> type : classes) {
      String owner = owners.putIfAbsent(type, id);
      if (owner != null) {
        problems.add(
            "The capabilities "
                + owner
                + " and "
                + id
                + " both declare the "
                + what
                + " "
                + type.getName()
                + ": a "
                + what
                + " belongs to one capability; remove it from one of them.");
      }
    }
  }
}
