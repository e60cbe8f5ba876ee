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
    return classes;
  }

  @Override
  public List<Setting> settings() {
    List<Setting> all = new java.util.ArrayList<>(List.of(SITE_NAME_SETTING, TIME_ZONE_SETTING));
    all.addAll(AccountSettings.SETTINGS);
    return List.copyOf(all);
  }

  /** The portal's tables: accounts, their sessions and one-time tokens (migration V8). */
  @Override
  public Optional<String> migrations() {
    return Optional.of("db/migration/polity/portal");
  }

  @Override
  public Set<Class<?>> entities() {
    return Set.of(AccountRecord.class, SessionRecord.class, TokenRecord.class);
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
