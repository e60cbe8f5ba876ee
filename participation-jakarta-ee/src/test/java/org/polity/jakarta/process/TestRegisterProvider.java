package org.polity.jakarta.process;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.polity.eligibility.InMemoryCensus;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;

/** A census plugin declared as a CDI bean (not in META-INF/services): a register of two people. */
@ApplicationScoped
public class TestRegisterProvider implements CensusSourceProvider {

  @Override
  public String kind() {
    return "test-register";
  }

  @Override
  public CensusSource open(CensusSettings settings) {
    return new InMemoryCensus(
        settings.name(), List.of(settings.keyer().key("ines"), settings.keyer().key("jon")));
  }
}
