package org.polity.eligibility;

import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.eligibility.spi.CensusSourceProvider;
import org.polity.identity.ParticipantKey;

/**
 * A municipality's register as a plugin would provide it (registered in the test resources'
 * META-INF/services): test person 1 is the only resident; option {@code offline=true} simulates an
 * unreachable register.
 */
public final class TestRegisterProvider implements CensusSourceProvider {

  @Override
  public String kind() {
    return "test-register";
  }

  @Override
  public CensusSource open(CensusSettings settings) {
    boolean offline = Boolean.parseBoolean(settings.require("offline"));
    ParticipantKey one = settings.keyer().key("person-1");
    return new CensusSource() {
      @Override
      public LocalizedText name() {
        return settings.name();
      }

      @Override
      public CensusAnswer lookup(ParticipantKey participant) {
        if (offline) {
          return CensusAnswer.UNAVAILABLE;
        }
        return participant.equals(one) ? CensusAnswer.MEMBER : CensusAnswer.NOT_MEMBER;
      }
    };
  }
}
