package org.polity.jakarta.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polity.eligibility.Decision;
import org.polity.eligibility.Reason;
import org.polity.eligibility.ReasonCode;
import org.polity.jakarta.problem.Refusal;
import org.polity.process.ParticipationAction;

/**
 * An eligibility refusal as a value ({@link DecisionJson#refusalOf}) carries what the problem
 * documents of {@link DecisionJson#refusal} carry: the same code and status, the decision's members
 * as extension members in the reader's language, and the messages as detail in French, Dutch and
 * English.
 */
class DecisionRefusalTest {

  @Test
  void anIneligibleDecisionIsA403WithTheReasonsAsMembers() {
    Decision decision =
        Decision.ineligible(Reason.of(ReasonCode.TOO_YOUNG, 16, LocalDate.of(2026, 5, 31)));
    Locale dutch = Locale.forLanguageTag("nl");
    Refusal refusal = DecisionJson.refusalOf(ParticipationAction.VOTE, decision, dutch);

    assertThat(refusal.code()).isEqualTo("not-eligible");
    assertThat(refusal.kind().status()).isEqualTo(403);
    assertThat(refusal.extensions())
        .isEqualTo(DecisionJson.toJson(ParticipationAction.VOTE, decision, dutch));
    for (Locale language : org.polity.common.Texts.LANGUAGES) {
      assertThat(refusal.detail(language)).isEqualTo(String.join(" ", decision.messages(language)));
    }
    JsonObject reason = refusal.extensions().getJsonArray("reasons").getJsonObject(0);
    assertThat(reason.getString("code")).isEqualTo("TOO_YOUNG");
  }

  @Test
  void anUnresolvedDecisionIsA422WithItsRemedies() {
    Decision decision = Decision.unresolved(Reason.of(ReasonCode.ADDRESS_MISSING));
    Refusal refusal = DecisionJson.refusalOf(ParticipationAction.SUBMIT, decision, Locale.FRENCH);
    assertThat(refusal.code()).isEqualTo("eligibility-unresolved");
    assertThat(refusal.kind().status()).isEqualTo(422);
    assertThat(refusal.extensions().getJsonArray("remedies")).isNotEmpty();
  }

  @Test
  void otherLanguagesGetEnglish() {
    assertThat(org.polity.common.Texts.language(java.util.List.of(Locale.GERMAN)))
        .isEqualTo(Locale.ENGLISH);
    assertThat(org.polity.common.Texts.language(java.util.List.of(Locale.forLanguageTag("nl-BE"))))
        .isEqualTo(Locale.forLanguageTag("nl"));
  }
}
