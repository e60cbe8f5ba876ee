package org.polity.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limits of failed sign-ins: per e-mail, per client address, and the 15-minute window. */
class SignInThrottleTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  @Test
  void twentyFailuresFromOneAddressHoldItBackForTheRestOfTheWindow() {
    SignInThrottle throttle = new SignInThrottle();
    for (int i = 0; i < 20; i++) {
      assertThat(throttle.wait("person" + i + "@example.be", "10.0.0.1", T0)).isEmpty();
      throttle.failed("person" + i + "@example.be", "10.0.0.1", T0.plusSeconds(i));
    }
    Instant later = T0.plusSeconds(60);
    assertThat(throttle.wait("someone-new@example.be", "10.0.0.1", later))
        .contains(Duration.ofMinutes(14));
    assertThat(throttle.wait("someone-new@example.be", "10.0.0.2", later)).isEmpty();
    assertThat(throttle.wait("someone-new@example.be", "10.0.0.1", T0.plus(Duration.ofMinutes(15))))
        .isEmpty();
  }

  @Test
  void fiveFailuresForOneEMailHoldItBackUntilTheOldestLeavesTheWindow() {
    SignInThrottle throttle = new SignInThrottle();
    for (int i = 0; i < 4; i++) {
      throttle.failed("ada@example.be", "", T0.plus(Duration.ofMinutes(i)));
    }
    assertThat(throttle.wait("ada@example.be", "", T0.plus(Duration.ofMinutes(4)))).isEmpty();
    throttle.failed("ada@example.be", "", T0.plus(Duration.ofMinutes(4)));
    assertThat(throttle.wait("ada@example.be", "", T0.plus(Duration.ofMinutes(5))))
        .contains(Duration.ofMinutes(10));
    assertThat(throttle.wait("ada@example.be", "", T0.plus(Duration.ofMinutes(15)))).isEmpty();
    throttle.succeeded("ada@example.be");
    assertThat(throttle.wait("ada@example.be", "", T0.plus(Duration.ofMinutes(6)))).isEmpty();
  }
}
