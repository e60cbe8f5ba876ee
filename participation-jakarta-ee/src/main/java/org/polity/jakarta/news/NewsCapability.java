package org.polity.jakarta.news;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;
import org.polity.jakarta.spi.Setting;

/**
 * The descriptor of news and events: its resources, the permission to publish, the page size
 * setting and its table (migration V5). The application finds it as a CDI bean; nothing else names
 * it.
 */
@ApplicationScoped
public class NewsCapability implements Capability {

  /** The capability's id. */
  public static final String ID = "news";

  /** The action of publishing, editing and withdrawing news items and events. */
  public static final String PUBLISH = "news.publish";

  /** {@code polity.news.page-size}: how many news items or events a page holds by default. */
  public static final String PAGE_SIZE = "polity.news.page-size";

  /** The page size when none is set. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** The largest page a reader may ask for, and the largest page size setting. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Who may publish: staff (reviewers and encoders), moderators and administrators. */
  static final Set<PolityRole> PUBLISHERS =
      Set.of(PolityRole.STAFF, PolityRole.MODERATOR, PolityRole.ADMINISTRATOR);

  private static final Setting PAGE_SIZE_SETTING =
      Setting.of(
          PAGE_SIZE,
          Integer.toString(DEFAULT_PAGE_SIZE),
          "How many news items or events a page of /api/v1/news or /api/v1/events holds when the"
              + " reader does not say (limit); 1 to "
              + MAX_PAGE_SIZE
              + ".",
          NewsCapability::pageSizeProblem);

  /** Creates the descriptor; CDI calls it. */
  public NewsCapability() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(NewsResource.class, EventResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        new Permission(PUBLISH, PUBLISHERS, "Publish, edit and withdraw news items and events."));
  }

  @Override
  public List<Setting> settings() {
    return List.of(PAGE_SIZE_SETTING);
  }

  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/news");
  }

  /**
   * The page size in effect ({@value #PAGE_SIZE}), checked at start-up.
   *
   * @param config the configuration
   * @return the page size, 1 to {@value #MAX_PAGE_SIZE}
   */
  public static int pageSize(Config config) {
    return PAGE_SIZE_SETTING
        .value(config)
        .filter(v -> pageSizeProblem(v).isEmpty())
        .map(Integer::parseInt)
        .orElse(DEFAULT_PAGE_SIZE);
  }

  private static Optional<String> pageSizeProblem(String value) {
    try {
      int size = Integer.parseInt(value);
      if (size >= 1 && size <= MAX_PAGE_SIZE) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    return Optional.of(
        PAGE_SIZE
            + " is '"
            + value
            + "': give a whole number from 1 to "
            + MAX_PAGE_SIZE
            + " (the default is "
            + DEFAULT_PAGE_SIZE
            + ").");
  }
}
