package org.polity.jakarta.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import org.polity.jakarta.spi.Capability;

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
}
