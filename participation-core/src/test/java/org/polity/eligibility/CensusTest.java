package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polity.eligibility.Fixtures.NOW;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.identity.ParticipantKey;
import org.polity.testing.TestKeys;

/** Census sources: in memory, CSV through ServiceLoader, and a municipality's own provider. */
class CensusTest {

  private static final LocalizedText LIST =
      LocalizedText.of("fr", "des habitants")
          .with("nl", "van de inwoners")
          .with("en", "of residents");

  @TempDir Path dir;

  private static Evidence identified(ParticipantKey key) {
    return Evidence.none()
        .withIdentity(Attestation.of(key, VerificationLevel.IDENTITY_PROVIDER, NOW.now()));
  }

  @Test
  void membersOfAnInMemoryListAreEligibleOthersAreToldWhy() {
    EligibilityRule members =
        Rules.memberOf(new InMemoryCensus(LIST, List.of(TestKeys.person(1), TestKeys.person(2))));

    assertThat(members.decide(identified(TestKeys.person(1)), NOW).isEligible()).isTrue();
    Decision outsider = members.decide(identified(TestKeys.person(3)), NOW);
    assertThat(outsider.messages(Locale.FRENCH))
        .containsExactly("Vous ne figurez pas sur la liste des habitants.");
    assertThat(outsider.status()).isEqualTo(Status.UNAUTHORISED);
    assertThat(members.decide(Evidence.none(), NOW).reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.IDENTITY_MISSING);
  }

  @Test
  void aCsvOfRawIdentifiersIsKeyedWhileReadingThroughTheServiceLoader() throws Exception {
    Path csv = dir.resolve("census.csv");
    Files.writeString(csv, "name,identifier\nAnne,person-1\nBruno,person-2\n,\n");

    CensusSource census =
        CensusSources.open(
            new CensusSettings("csv", LIST, Map.of("file", csv.toString()), TestKeys.KEYER));

    assertThat(census.lookup(TestKeys.person(1))).isEqualTo(CensusAnswer.MEMBER);
    assertThat(census.lookup(TestKeys.person(2))).isEqualTo(CensusAnswer.MEMBER);
    assertThat(census.lookup(TestKeys.person(3))).isEqualTo(CensusAnswer.NOT_MEMBER);
    assertThat(CensusSources.kinds(getClass().getClassLoader())).contains("csv", "test-register");
  }

  @Test
  void aCsvOfParticipantKeysWithAnotherSeparator() throws Exception {
    Path csv = dir.resolve("keys.csv");
    Files.writeString(csv, "key;note\n" + TestKeys.person(7) + ";x\n");
    CensusSource census =
        CensusSources.open(
            new CensusSettings(
                "csv",
                LIST,
                Map.of("file", csv.toString(), "column", "key", "content", "key", "separator", ";"),
                TestKeys.KEYER));
    assertThat(census.lookup(TestKeys.person(7))).isEqualTo(CensusAnswer.MEMBER);
    assertThat(census.lookup(TestKeys.person(1))).isEqualTo(CensusAnswer.NOT_MEMBER);
  }

  @Test
  void badCsvInputIsRefusedWithTheLineOrTheColumns() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "nrn\nnot-a-key\n");
    assertThatThrownBy(
            () ->
                CensusSources.open(
                    new CensusSettings(
                        "csv", LIST, Map.of("file", csv.toString()), TestKeys.KEYER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'identifier'")
        .hasMessageContaining("[nrn]");
    assertThatThrownBy(
            () ->
                CensusSources.open(
                    new CensusSettings(
                        "csv",
                        LIST,
                        Map.of("file", csv.toString(), "column", "nrn", "content", "key"),
                        TestKeys.KEYER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(
            () -> CensusSources.open(new CensusSettings("csv", LIST, Map.of(), TestKeys.KEYER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'file'");
    assertThatThrownBy(
            () -> CensusSources.open(new CensusSettings("ldap", LIST, Map.of(), TestKeys.KEYER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ldap")
        .hasMessageContaining("csv");
  }

  @Test
  void aMunicipalityPlugsItsRegisterInThroughServiceLoader() throws Exception {
    CensusSource register =
        CensusSources.open(
            new CensusSettings("test-register", LIST, Map.of("offline", "false"), TestKeys.KEYER));
    EligibilityRule rule = Rules.memberOf(register);
    assertThat(rule.decide(identified(TestKeys.person(1)), NOW).isEligible()).isTrue();
    assertThat(rule.decide(identified(TestKeys.person(2)), NOW).isEligible()).isFalse();

    CensusSource offline =
        CensusSources.open(
            new CensusSettings("test-register", LIST, Map.of("offline", "true"), TestKeys.KEYER));
    Decision pending = Rules.memberOf(offline).decide(identified(TestKeys.person(1)), NOW);
    assertThat(pending.status()).isEqualTo(Status.PENDING);
    assertThat(pending.remedies(Locale.forLanguageTag("nl")))
        .containsExactly("Probeer het later opnieuw.");
  }
}
