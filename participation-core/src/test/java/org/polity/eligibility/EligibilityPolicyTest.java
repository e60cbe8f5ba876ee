package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polity.eligibility.Fixtures.NOW;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polity.process.ParticipationAction;

class EligibilityPolicyTest {

  private final EligibilityPolicy policy =
      EligibilityPolicy.builder()
          .rule(ParticipationAction.VOTE, Rules.minimumAge(10, ReferenceDate.decisionDay()))
          .rule(ParticipationAction.SEE_RESULTS, Rules.everyone())
          .build();

  @Test
  void eachActionHasItsRuleAndActionsWithoutOneAreClosed() {
    Evidence child = Fixtures.bornOn(LocalDate.of(2020, 1, 1));
    assertThat(policy.decide(ParticipationAction.SEE_RESULTS, Evidence.none(), NOW).isEligible())
        .isTrue();
    assertThat(policy.decide(ParticipationAction.VOTE, child, NOW).reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.TOO_YOUNG);
    Decision closed = policy.decide(ParticipationAction.BE_DRAWN, child, NOW);
    assertThat(closed.messages(Locale.forLanguageTag("nl")))
        .containsExactly("Deze actie staat in dit proces voor niemand open.");
    assertThat(closed.remedies(Locale.ENGLISH)).isEmpty();
  }

  @Test
  void anActionGetsOneRule() {
    assertThatThrownBy(
            () ->
                EligibilityPolicy.builder()
                    .rule(ParticipationAction.VOTE, Rules.everyone())
                    .rule(ParticipationAction.VOTE, Rules.nobody()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("VOTE");
  }

  @Test
  void notOfAnUnresolvedRuleStaysUnresolved() {
    Decision decision =
        Rules.not(Rules.minimumAge(18, ReferenceDate.decisionDay())).decide(Evidence.none(), NOW);
    assertThat(decision).isEqualTo(Decision.unresolved(Reason.of(ReasonCode.BIRTH_DATE_MISSING)));
    assertThat(
            Rules.not(Rules.minimumAge(18, ReferenceDate.decisionDay()))
                .decide(Fixtures.bornOn(LocalDate.of(2000, 1, 1)), NOW))
        .isEqualTo(Decision.ineligible(Reason.of(ReasonCode.EXCLUDED)));
  }
}
