package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invitations from a register, and registration in the pool. */
class InvitationsAndPoolTest {

  /** 300 people in 100 households of 1 to 5 people. */
  private static List<RegisterEntry> register() {
    List<RegisterEntry> entries = new ArrayList<>();
    int person = 0;
    for (int h = 0; h < 100; h++) {
      for (int i = 0; i <= h % 5; i++) {
        entries.add(new RegisterEntry("p" + person++, "h" + h));
      }
    }
    return entries;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {0, 1, 42})
  void sameSeedSameDrawWhateverTheRegisterOrder(long seed) {
    List<RegisterEntry> shuffled = new ArrayList<>(register());
    Collections.shuffle(shuffled, new Random(seed + 1000));
    for (Invitations.Unit unit : Invitations.Unit.values()) {
      Invitations.Draw a = Invitations.draw(register().stream(), 20, unit, seed);
      Invitations.Draw b = Invitations.draw(shuffled.stream(), 20, unit, seed);
      assertThat(a).isEqualTo(b);
      assertThat(a.invitedUnits()).hasSize(20).doesNotHaveDuplicates();
      assertThat(a.seed()).isEqualTo(seed);
    }
  }

  @Test
  void householdsAreDrawnUniformlyWhateverTheirSize() {
    Map<String, Integer> counts = new HashMap<>();
    int runs = 2000;
    for (long seed = 0; seed < runs; seed++) {
      Invitations.draw(register().stream(), 10, Invitations.Unit.HOUSEHOLDS, seed)
          .invitedUnits()
          .forEach(h -> counts.merge(h, 1, Integer::sum));
    }
    // Expected 200 per household (10 of 100, 2000 runs); binomial sd about 13.4.
    assertThat(counts).hasSize(100);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(140, 260));
    // Large and small households alike.
    double small =
        IntStream.range(0, 100)
            .filter(h -> h % 5 == 0)
            .map(h -> counts.get("h" + h))
            .average()
            .orElseThrow();
    double large =
        IntStream.range(0, 100)
            .filter(h -> h % 5 == 4)
            .map(h -> counts.get("h" + h))
            .average()
            .orElseThrow();
    assertThat(Math.abs(small - large)).isLessThan(25);
  }

  @Test
  void householdDrawInvitesEveryMember() {
    Invitations.Draw draw =
        Invitations.draw(register().stream(), 5, Invitations.Unit.HOUSEHOLDS, 3);
    assertThat(draw.invitedPeople())
        .allSatisfy(e -> assertThat(draw.invitedUnits()).contains(e.householdId()));
    long members =
        register().stream().filter(e -> draw.invitedUnits().contains(e.householdId())).count();
    assertThat(draw.invitedPeople()).hasSize((int) members);
  }

  @Test
  void registerDuplicatesAndImpossibleCountsAreRefused() {
    List<RegisterEntry> dup = new ArrayList<>(register());
    dup.add(new RegisterEntry("p0", "h9"));
    assertThat(catchThrowable(() -> Invitations.draw(dup.stream(), 1, Invitations.Unit.PEOPLE, 1)))
        .hasMessageContaining("p0");
    assertThat(
            catchThrowable(
                () -> Invitations.draw(register().stream(), 101, Invitations.Unit.HOUSEHOLDS, 1)))
        .hasMessageContaining("101");
  }

  @Test
  void poolRefusesDuplicatesAndStaysUnchanged() {
    Pool.Builder builder = Pool.builder();
    assertThat(builder.register(new Respondent("a", Map.of("g", "f"))))
        .isInstanceOf(Registration.Accepted.class);
    Registration again = builder.register(new Respondent("a", Map.of("g", "m")));
    assertThat(again).isInstanceOf(Registration.RefusedDuplicate.class);
    assertThat(again.accepted()).isFalse();
    assertThat(((Registration.RefusedDuplicate) again).reason().languages())
        .contains("en", "fr", "nl");
    Pool pool = builder.build();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.find("a").orElseThrow().value("g")).isEqualTo("f");
    assertThat(
            catchThrowable(
                () ->
                    Pool.of(List.of(new Respondent("x", Map.of()), new Respondent("x", Map.of())))))
        .hasMessageContaining("'x'");
  }

  @Test
  void quotasFromPopulationAndShares() {
    Map<String, Long> population = new java.util.LinkedHashMap<>();
    population.put("north", 5000L);
    population.put("south", 3000L);
    population.put("east", 2000L);
    List<Quota> quotas = Quotas.fromPopulation("district", population, 20, 1);
    assertThat(quotas).extracting(Quota::min).containsExactly(9, 5, 3);
    assertThat(quotas).extracting(Quota::max).containsExactly(11, 7, 5);
    Quota parity = Quota.ofShares("gender", "female", 0.5, 0.5, 100);
    assertThat(parity.min()).isEqualTo(50);
    assertThat(parity.max()).isEqualTo(50);
    Quota third = Quota.ofShares("lang", "nl", 0.3, 0.34, 20);
    assertThat(third.min()).isEqualTo(6);
    assertThat(third.max()).isEqualTo(7);
  }

  @Test
  void blankAddressesAreNotOneHousehold() {
    HouseholdRule rule = HouseholdRule.on("street", "zip");
    Respondent a = new Respondent("a", Map.of("street", "", "zip", ""));
    Respondent b = new Respondent("b", Map.of());
    Respondent c = new Respondent("c", Map.of("street", "Main 1", "zip", "1000"));
    Respondent d = new Respondent("d", Map.of("street", "Main 1", "zip", "1000"));
    assertThat(rule.key(a)).isNotEqualTo(rule.key(b));
    assertThat(rule.key(c)).isEqualTo(rule.key(d));
    assertThat(HouseholdRule.none().active()).isFalse();
  }
}
