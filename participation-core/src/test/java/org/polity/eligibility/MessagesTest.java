package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polity.common.LocalizedText;

/** Every reason code, remedy, level and address part has a text in French, Dutch and English. */
class MessagesTest {

  private static Properties load(String language) throws Exception {
    String path =
        "/org/polity/eligibility/messages"
            + ("en".equals(language) ? "" : "_" + language)
            + ".properties";
    try (InputStream in = MessagesTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    }
  }

  private static Set<String> expectedKeys() {
    Set<String> keys = new TreeSet<>();
    for (ReasonCode code : ReasonCode.values()) {
      keys.add("reason." + code.name());
      if (code.hasRemedy()) {
        keys.add("remedy." + code.name());
      }
    }
    for (VerificationLevel level : VerificationLevel.values()) {
      keys.add("level." + level.name());
    }
    for (AddressPart part : AddressPart.values()) {
      keys.add("address." + part.name());
    }
    return keys;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fr", "nl", "en"})
  void everyBundleHasExactlyTheExpectedKeysWithNonBlankTexts(String language) throws Exception {
    Properties properties = load(language);
    assertThat(properties.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(expectedKeys());
    properties.forEach(
        (key, value) -> assertThat((String) value).as("%s in %s", key, language).isNotBlank());
  }

  @Test
  void placeholdersAreTheSameInEveryLanguage() throws Exception {
    Properties en = load("en");
    for (String language : List.of("fr", "nl")) {
      Properties other = load(language);
      for (String key : en.stringPropertyNames()) {
        int expected = new MessageFormat(en.getProperty(key)).getFormatsByArgumentIndex().length;
        assertThat(new MessageFormat(other.getProperty(key)).getFormatsByArgumentIndex().length)
            .as("number of arguments of %s in %s", key, language)
            .isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fr", "nl", "en"})
  void everyReasonRendersWithoutLeftoverPlaceholdersOrQuotesLost(String language) {
    Locale locale = Locale.forLanguageTag(language);
    for (ReasonCode code : ReasonCode.values()) {
      Reason reason = new Reason(code, sampleArguments(code));
      String message = reason.message(locale);
      assertThat(message)
          .as("%s in %s", code, language)
          .doesNotContain("{")
          .doesNotContain("}")
          .endsWith(".");
      assertThat(reason.remedy(locale).isPresent()).isEqualTo(code.hasRemedy());
      reason.remedy(locale).ifPresent(r -> assertThat(r).doesNotContain("{").endsWith("."));
    }
    assertThat(
            new Reason(ReasonCode.NOT_IN_CENSUS, List.of("x")).remedy(Locale.ENGLISH).orElseThrow())
        .contains("municipality's");
  }

  @Test
  void otherLanguagesGetEnglishWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRENCH);
      assertThat(Reason.of(ReasonCode.EXCLUDED).message(Locale.GERMAN))
          .isEqualTo("You belong to a group that is excluded from this action.");
      assertThat(Reason.of(ReasonCode.EXCLUDED).message(Locale.forLanguageTag("nl-BE")))
          .isEqualTo("U behoort tot een groep die van deze actie is uitgesloten.");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void datesAreWrittenInTheReadersLanguage() {
    Reason reason = Reason.of(ReasonCode.TOO_YOUNG, 10, LocalDate.of(2026, 5, 31));
    assertThat(reason.message(Locale.FRENCH))
        .isEqualTo("Vous devez avoir au moins 10 ans le 31 mai 2026.");
    assertThat(reason.message(Locale.forLanguageTag("nl")))
        .isEqualTo("U moet op 31 mei 2026 minstens 10 jaar oud zijn.");
    assertThat(reason.message(Locale.ENGLISH))
        .isEqualTo("You must be at least 10 years old on May 31, 2026.");
  }

  private static List<Object> sampleArguments(ReasonCode code) {
    List<Object> arguments = new ArrayList<>();
    switch (code) {
      case IDENTITY_NOT_VERIFIED, BIRTH_DATE_NOT_VERIFIED, ADDRESS_NOT_VERIFIED -> {
        arguments.add(VerificationLevel.DESK);
        arguments.add(VerificationLevel.SELF_DECLARED);
      }
      case ADDRESS_INCOMPLETE -> arguments.add(AddressPart.POINT);
      case TOO_YOUNG, TOO_OLD -> {
        arguments.add(10);
        arguments.add(LocalDate.of(2026, 5, 31));
      }
      case NOT_RESIDENT, NOT_IN_CENSUS, CENSUS_UNAVAILABLE ->
          arguments.add(LocalizedText.of("fr", "Auderghem").with("nl", "Oudergem"));
      case POSTAL_CODE_OUTSIDE -> arguments.add(List.of("1160", "1170"));
      case OUTSIDE_AREA -> arguments.add(List.of(LocalizedText.of("fr", "Auderghem")));
      default -> {}
    }
    return arguments;
  }
}
