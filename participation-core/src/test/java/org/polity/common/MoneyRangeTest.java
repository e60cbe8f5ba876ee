package org.polity.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Amounts out of range are refused from their precision and scale, before any arithmetic: {@code
 * 1e10000000} once made {@code setScale(0)} compute a power of ten for 14.5 s (issue 13).
 */
class MoneyRangeTest {

  @Test
  void hugeExponentsAreRefusedAtOnce() {
    long start = System.nanoTime();
    for (String amount : new String[] {"1e10000000", "1e999999999", "-1e10000000", "1e-999999"}) {
      assertThatThrownBy(() -> Money.of(amount, "EUR"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("out of range");
    }
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e10000000"), "EUR"))
        .hasMessageContaining("15 digits before the decimal point");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void notANumberOrTooLongIsRefusedWithTheValue() {
    assertThatThrownBy(() -> Money.of("12,50", "EUR")).hasMessageContaining("'12,50'");
    assertThatThrownBy(() -> Money.of("1".repeat(100_000), "EUR"))
        .hasMessageContaining("100000 characters");
  }

  @Test
  void amountsInRangeAreKeptExactly() {
    assertThat(Money.of("999999999999999", "EUR").amount()).isEqualByComparingTo("999999999999999");
    assertThat(Money.of("12.500000", "EUR").amount()).isEqualByComparingTo("12.5");
    assertThat(Money.of("1e3", "EUR").amount().toPlainString()).isEqualTo("1000");
    assertThat(Money.of("0.0000000000", "EUR").amount()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> Money.of("1000000000000000", "EUR"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Money.of("0.1234567", "EUR")).hasMessageContaining("6 digits after");
  }

  @Test
  void sumsOfAmountsInRangeStayRepresentable() {
    Money large = Money.of("999999999999999", "EUR");
    Money sum = Money.zero(large.currency());
    for (int i = 0; i < 1000; i++) {
      sum = sum.plus(large);
    }
    assertThat(sum.amount()).isEqualByComparingTo("999999999999999000");
  }
}
