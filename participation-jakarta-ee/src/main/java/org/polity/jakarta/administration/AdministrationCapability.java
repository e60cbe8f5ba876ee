package org.polity.jakarta.administration;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;

/** The descriptor of administration: {@code /api/v1/admin}, the settings in effect. */
@ApplicationScoped
public class AdministrationCapability implements Capability {

  /** Creates the descriptor; CDI calls it. */
  public AdministrationCapability() {}

  @Override
  public String id() {
    return "administration";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(AdministrationResource.class);
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "administration.settings",
            "Read the settings in effect (secrets left out).",
            PolityRole.ADMINISTRATOR));
  }
}
