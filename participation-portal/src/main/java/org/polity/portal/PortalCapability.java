package org.polity.portal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Setting;
import org.polity.portal.account.AccountPages;
import org.polity.portal.account.AccountRecord;
import org.polity.portal.account.AccountSettings;
import org.polity.portal.account.SessionFilter;
import org.polity.portal.account.SessionRecord;
import org.polity.portal.account.TokenRecord;
import org.polity.portal.pages.HomePage;
import org.polity.portal.paper.PaperPages;
import org.polity.portal.web.AssetsResource;
import org.polity.portal.web.CsrfProtection;
import org.polity.portal.web.LanguageChoice;

/**
 * The descriptor of the portal: its pages, the filters that every page relies on (language,
 * protection of forms), its static files and its settings. On the class path of {@code polity
 * serve} (or of a host portal that wants Polity's pages), CDI finds it and the application mounts
 * it like any other capability.
 */
@ApplicationScoped
public class PortalCapability implements Capability {

  /** The capability's id. */
  public static final String ID = "portal";

  /** {@code polity.portal.site-name}: the portal's name in the header and titles of its pages. */
  public static final String SITE_NAME = "polity.portal.site-name";

  /** {@code polity.portal.time-zone}: the time zone the pages show dates in. */
  public static final String TIME_ZONE = "polity.portal.time-zone";

  /** {@code polity.portal.tiles-url}: the map tiles of the project maps. */
  public static final String TILES_URL = "polity.portal.tiles-url";

  private static final Setting TILES_URL_SETTING =
      Setting.of(
          TILES_URL,
          "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
          "The address template of the map tiles under the project maps ({z}, {x}, {y}); an https"
              + " address (the pages' Content-Security-Policy admits images over https). When the"
              + " tiles cannot load, the list of projects beside the map still works.",
          value ->
              value.startsWith("https://") && value.contains("{z}")
                  ? Optional.empty()
                  : Optional.of(
                      TILES_URL
                          + " is '"
                          + value
                          + "': give an https address with {z}, {x} and {y}, such as"
                          + " https://tile.openstreetmap.org/{z}/{x}/{y}.png."));

  /** {@code polity.portal.logo-file}: the portal's logo (SVG or PNG) instead of Polity's. */
  public static final String LOGO_FILE = "polity.portal.logo-file";

  /** {@code polity.portal.stylesheet-file}: a style sheet of the site's own, after Polity's. */
  public static final String STYLESHEET_FILE = "polity.portal.stylesheet-file";

  private static final Setting LOGO_FILE_SETTING =
      Setting.optional(
          LOGO_FILE,
          "The portal's logo, an SVG or PNG file of at most 512 KiB, shown in the header of every"
              + " page (32 pixels high) instead of Polity's.",
          value -> fileProblem(LOGO_FILE, value, ".svg", ".png"));

  private static final Setting STYLESHEET_FILE_SETTING =
      Setting.optional(
          STYLESHEET_FILE,
          "A CSS file of at most 512 KiB loaded after Polity's style sheet on every page: the"
              + " site's colours (override --brand, --brand-dark and the other custom properties of"
              + " :root) and fonts. Keep the contrast of text at 4.5:1 or more.",
          value -> fileProblem(STYLESHEET_FILE, value, ".css"));

  private static final Setting SITE_NAME_SETTING =
      Setting.of(
          SITE_NAME,
          "Polity",
          "The portal's name, shown in the header and the title of every page (such as"
              + " \"Participation Ville-sur-Meuse\"); 1 to 80 characters.",
          value ->
              value.isBlank() || value.length() > 80
                  ? Optional.of(SITE_NAME + " is '" + value + "': give 1 to 80 characters.")
                  : Optional.empty());

  private static final Setting TIME_ZONE_SETTING =
      Setting.of(
          TIME_ZONE,
          "Europe/Brussels",
          "The time zone in which the pages show dates and times (an IANA name such as"
              + " Europe/Brussels).",
          PortalCapability::zoneProblem);

  /** Creates the descriptor; CDI calls it. */
  public PortalCapability() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Class<?>> resources() {
    Set<Class<?>> classes = new LinkedHashSet<>();
    classes.add(LanguageChoice.class);
    classes.add(CsrfProtection.class);
    classes.add(AssetsResource.class);
    classes.add(HomePage.class);
    classes.add(SessionFilter.class);
    classes.add(AccountPages.class);
    classes.add(org.polity.portal.pages.EditionPages.class);
    classes.add(org.polity.portal.pages.VotePages.class);
    classes.add(org.polity.portal.pages.ReceiptPage.class);
    classes.add(org.polity.portal.pages.ResultsPage.class);
    classes.add(org.polity.portal.pages.IdeaPages.class);
    classes.add(org.polity.portal.pages.NewsPages.class);
    classes.add(org.polity.portal.staff.StaffPages.class);
    classes.add(org.polity.portal.staff.DeskPages.class);
    classes.add(org.polity.portal.staff.ResidentDeskPages.class);
    classes.add(org.polity.portal.staff.ModerationPages.class);
    classes.add(org.polity.portal.account.RolesPages.class);
    classes.add(org.polity.portal.pages.PoolPages.class);
    classes.add(org.polity.portal.staff.DeskPoolPages.class);
    classes.add(org.polity.portal.staff.DeskIdeaPages.class);
    classes.add(org.polity.portal.staff.PoolStaffPages.class);
    classes.add(PaperPages.class);
    return classes;
  }

  /** The portal's resources are pages for people: the OpenAPI document leaves them out. */
  @Override
  public boolean servesPages() {
    return true;
  }

  @Override
  public List<Setting> settings() {
    List<Setting> all =
        new java.util.ArrayList<>(
            List.of(
                SITE_NAME_SETTING,
                TIME_ZONE_SETTING,
                TILES_URL_SETTING,
                LOGO_FILE_SETTING,
                STYLESHEET_FILE_SETTING,
                PaperPages.DESK_SETTING));
    all.addAll(AccountSettings.SETTINGS);
    return List.copyOf(all);
  }

  /**
   * The portal's tables: accounts, their sessions and one-time tokens (migration V8), the changes
   * of their roles and the links from ideas to their authors' accounts (V10).
   */
  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/portal");
  }

  @Override
  public Set<Class<?>> entities() {
    return Set.of(
        AccountRecord.class,
        SessionRecord.class,
        TokenRecord.class,
        org.polity.portal.account.RoleChangeRecord.class);
  }

  /**
   * The portal's name.
   *
   * @param config the configuration
   * @return the name
   */
  public static String siteName(Config config) {
    return SITE_NAME_SETTING.value(config).filter(v -> !v.isBlank()).orElse("Polity");
  }

  /**
   * The map tiles' address template.
   *
   * @param config the configuration
   * @return the template
   */
  public static String tilesUrl(Config config) {
    return TILES_URL_SETTING
        .value(config)
        .filter(v -> v.startsWith("https://"))
        .orElse("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  }

  /**
   * The time zone of the pages.
   *
   * @param config the configuration
   * @return the zone
   */
  public static ZoneId zone(Config config) {
    return TIME_ZONE_SETTING
        .value(config)
        .filter(v -> zoneProblem(v).isEmpty())
        .map(ZoneId::of)
        .orElse(ZoneId.of("Europe/Brussels"));
  }

  /**
   * The site's logo file, when one is configured.
   *
   * @param config the configuration
   * @return the file
   */
  public static Optional<java.nio.file.Path> logoFile(Config config) {
    return LOGO_FILE_SETTING.value(config).filter(v -> !v.isBlank()).map(java.nio.file.Path::of);
  }

  /**
   * The site's own style sheet, when one is configured.
   *
   * @param config the configuration
   * @return the file
   */
  public static Optional<java.nio.file.Path> stylesheetFile(Config config) {
    return STYLESHEET_FILE_SETTING
        .value(config)
        .filter(v -> !v.isBlank())
        .map(java.nio.file.Path::of);
  }

  private static Optional<String> fileProblem(String key, String value, String... endings) {
    java.nio.file.Path file = java.nio.file.Path.of(value);
    boolean named = false;
    for (String ending : endings) {
      named |= value.toLowerCase(java.util.Locale.ROOT).endsWith(ending);
    }
    if (!named) {
      return Optional.of(
          key
              + " is '"
              + value
              + "': give a file ending with "
              + String.join(" or ", endings)
              + ".");
    }
    try {
      if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > 512 * 1024) {
        return Optional.of(key + " is '" + value + "': give a readable file of at most 512 KiB.");
      }
    } catch (java.io.IOException e) {
      return Optional.of(key + " is '" + value + "': it cannot be read (" + e.getMessage() + ").");
    }
    return Optional.empty();
  }

  private static Optional<String> zoneProblem(String value) {
    try {
      ZoneId.of(value);
      return Optional.empty();
    } catch (DateTimeException e) {
      return Optional.of(
          TIME_ZONE + " is '" + value + "': give an IANA time zone such as Europe/Brussels.");
    }
  }
}
