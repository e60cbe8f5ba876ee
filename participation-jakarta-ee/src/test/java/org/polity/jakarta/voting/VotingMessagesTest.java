package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.voting.CastOutcome;
import org.polity.voting.ChannelKind;

/** The voting texts exist in English, French and Dutch, and every refusal has its text. */
class VotingMessagesTest {

  static Properties bundle(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        VotingService.class.getResourceAsStream("messages" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void everyKeyExistsInEveryLanguageAndRenders() throws IOException {
    Properties english = bundle("");
    assertThat(bundle("_fr").keySet()).isEqualTo(english.keySet());
    assertThat(bundle("_nl").keySet()).isEqualTo(english.keySet());
    Texts texts = Texts.of(VotingService.class);
    for (Object key : english.keySet()) {
      LocalizedText text = texts.text((String) key, "a", "b");
      assertThat(text.in(java.util.Locale.FRENCH)).isNotBlank().doesNotContain("{0}");
    }
  }

  @Test
  void everyRefusingOutcomeHasItsApiCode() {
    BudgetId budget = BudgetId.of("pb");
    assertThat(
            VotingService.refusal(budget, new CastOutcome.AlreadyVoted(ChannelKind.DESK))
                .detail(java.util.Locale.FRENCH))
        .contains("au guichet");
    assertThat(VotingService.refusal(budget, new CastOutcome.EncodingInProgress()).code())
        .isEqualTo("encoding-in-progress");
    assertThat(
            VotingService.refusal(
                    budget, new CastOutcome.Closed(java.time.Instant.parse("2026-06-01T00:00:00Z")))
                .detail(java.util.Locale.ENGLISH))
        .isEqualTo("The vote on budget pb closed at 2026-06-01T00:00:00Z.");
  }
}
