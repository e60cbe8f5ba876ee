package org.polity.jakarta.administration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.polity.common.Texts;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;

/**
 * The application service of administration: what an administrator may read about the running
 * application. Nothing secret leaves it (no key, no password, no database address).
 */
@ApplicationScoped
public class AdministrationService {

  private static final Texts TEXTS = Texts.of(AdministrationService.class);

  @Inject PolitySettings settings;

  /** Creates the service; CDI calls it. */
  public AdministrationService() {}

  /**
   * The effective, non-secret settings.
   *
   * @param mode {@code production} or {@code development}
   * @param participantKeyVersion the version of the key participant keys are made with now
   * @param database how the database is reached: {@code jndi} or {@code jdbc-url}
   * @param roles for each Polity role name, the portal roles that grant it, sorted
   */
  public record EffectiveSettings(
      String mode, String participantKeyVersion, String database, Map<String, List<String>> roles) {
    /** Refuses nulls and copies the roles, keeping their order. */
    public EffectiveSettings {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(participantKeyVersion, "participantKeyVersion");
      Objects.requireNonNull(database, "database");
      roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }
  }

  /**
   * The effective settings, for an administrator.
   *
   * @param caller who asks
   * @return the settings; refused with 403 for anyone but an administrator
   */
  public Result<EffectiveSettings> settings(Caller caller) {
    if (!caller.hasAny(PolityRole.ADMINISTRATOR)) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.FORBIDDEN,
              "forbidden",
              TEXTS.text("administration.administrators-only")));
    }
    Map<String, List<String>> roles = new LinkedHashMap<>();
    settings
        .roleMapping()
        .forEach((role, names) -> roles.put(role.roleName(), names.stream().sorted().toList()));
    return Result.ok(
        new EffectiveSettings(
            settings.mode().name().toLowerCase(Locale.ROOT),
            settings.participantKeyer().currentVersion(),
            settings.database().jndiName().isPresent() ? "jndi" : "jdbc-url",
            roles));
  }
}
