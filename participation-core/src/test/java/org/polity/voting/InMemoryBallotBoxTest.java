package org.polity.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.polity.common.BudgetId;
import org.polity.testing.TestKeys;

/** The in-memory ballot box passes the whole {@link BallotBoxContract}. */
class InMemoryBallotBoxTest extends BallotBoxContract {

  @Override
  protected BallotBox createBox(Clock clock) {
    return new InMemoryBallotBox(clock, new SecureRandom());
  }

  @Test
  void slotHandlesDependOnTheSecretTheBudgetAndTheParticipant() {
    byte[] secret = new byte[32];
    Arrays.fill(secret, (byte) 7);
    BallotSlots slots = BallotSlots.withSecret(secret);
    BallotSlots other = BallotSlots.random(new SecureRandom());
    String slot = slots.slotOf(BUDGET, TestKeys.person(1));

    assertThat(slot)
        .hasSize(43)
        .isEqualTo(BallotSlots.withSecret(secret).slotOf(BUDGET, TestKeys.person(1)));
    assertThat(slots.slotOf(BUDGET, TestKeys.person(2))).isNotEqualTo(slot);
    assertThat(slots.slotOf(BudgetId.of("other"), TestKeys.person(1))).isNotEqualTo(slot);
    assertThat(other.slotOf(BUDGET, TestKeys.person(1))).isNotEqualTo(slot);
    // The slot does not contain the participant key.
    assertThat(slot).doesNotContain(TestKeys.person(1).digest());
  }

  @Test
  void receiptCodesAreParsedAsTypedAndHashedStably() {
    ReceiptCode code = ReceiptCode.random(new SecureRandom());
    assertThat(ReceiptCode.parse(code.grouped().toLowerCase())).isEqualTo(code);
    assertThat(ReceiptCode.parse("oil0-1111-2222-3333-4444"))
        .isEqualTo(new ReceiptCode("0110111122223333" + "4444"));
    assertThat(code.hash()).isEqualTo(new ReceiptCode(code.value()).hash());
    assertThat(code.hash().hex()).hasSize(64).doesNotContain(code.value());
  }
}
