package org.polity.jakarta.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.polity.jakarta.spi.Capability;

/** The descriptor of identity: {@code /api/v1/me}, who the caller is and their Polity roles. */
@ApplicationScoped
public class IdentityCapability implements Capability {

  /** Creates the descriptor; CDI calls it. */
  public IdentityCapability() {}

  @Override
  public String id() {
    return "identity";
  }

  @Override
  public Set<Class<?>> resources() {
    return Set.of(CurrentUserResource.class);
  }
}
