package org.polity.jakarta.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Permission;

/**
 * The descriptor of eligibility: who may take part, decided by the rules a process declares. It has
 * no endpoint of its own (a participant asks through {@code process}) and stores nothing apart.
 */
@ApplicationScoped
public class EligibilityCapability implements Capability {

  /** Creates the descriptor; CDI calls it. */
  public EligibilityCapability() {}

  @Override
  public String id() {
    return "eligibility";
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        Permission.of(
            "eligibility.check",
            "Ask whether one may take part in a process.",
            PolityRole.PARTICIPANT));
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(EligibilityResource.class);
  }
}
