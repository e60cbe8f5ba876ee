package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-made instances of the sortition-algorithms unit tests
 * (derived/sortition-algorithms-test-examples.json). Expected probabilities are those stated by
 * the upstream test file (tests/test_committee_generation.py, tag 0.12.10) for maximin; LEXIMIN is
 * a maximin distribution, and on these instances the stated maximin values are forced, so both
 * algorithms must give them.
 */
class UpstreamExamplesTest {

  /** What upstream states: exact values, and lower bounds where it only bounds. */
  private record Expected(Map<String, Double> exact, Map<String, Double> atLeast) {}

  private static Map<String, Expected> expectations() {
    Map<String, Expected> e = new LinkedHashMap<>();
    e.put(
        "example1/",
        new Expected(
            Map.of("lisa", 1 / 3.0, "scrooge", 1 / 3.0, "louie", 1 / 3.0, "dewey", 1 / 3.0,
                "marge", 2 / 3.0),
            Map.of()));
    e.put(
        "example1/home,street",
        new Expected(
            Map.of("lisa", 0.0, "scrooge", 0.0, "louie", 0.5, "dewey", 0.5, "marge", 1.0),
            Map.of()));
    e.put(
        "example3/",
        new Expected(Map.of("a", 1.0, "b", 1 / 3.0, "c", 1 / 3.0, "d", 1 / 3.0), Map.of()));
    e.put(
        "example5/",
        new Expected(
            Map.of("elinor", 0.5, "grace", 0.5),
            Map.of("adam", 0.5, "brian", 0.5, "cameron", 0.5, "dave", 0.5, "frank", 0.5)));
    Map<String, Double> six = new LinkedHashMap<>();
    six.put("p61", 0.0);
    for (int i = 1; i <= 60; i++) {
      six.put("p" + i, 46 / 60.0);
    }
    e.put("example6/", new Expected(six, Map.of()));
    return e;
  }

  static Stream<Arguments> cases() throws IOException {
    JsonNode root =
        new ObjectMapper()
            .readTree(SortitionFixtures.derived("sortition-algorithms-test-examples.json").toFile());
    List<Arguments> args = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      List<String> addressColumns = new ArrayList<>();
      c.get("check_same_address_columns").forEach(n -> addressColumns.add(n.asText()));
      String key = c.get("name").asText() + "/" + String.join(",", addressColumns);
      List<Quota> quotas = new ArrayList<>();
      c.get("features")
          .fields()
          .forEachRemaining(
              f ->
                  f.getValue()
                      .fields()
                      .forEachRemaining(
                          v ->
                              quotas.add(
                                  Quota.of(
                                      f.getKey(),
                                      v.getKey(),
                                      v.getValue().get("min").asInt(),
                                      v.getValue().get("max").asInt()))));
      Pool.Builder pool = Pool.builder();
      c.get("people")
          .fields()
          .forEachRemaining(
              p -> {
                Map<String, String> columns = new LinkedHashMap<>();
                p.getValue().fields().forEachRemaining(x -> columns.put(x.getKey(), x.getValue().asText()));
                assertThat(pool.register(new Respondent(p.getKey(), columns)).accepted()).isTrue();
              });
      SelectionProblem problem =
          new SelectionProblem(
              pool.build(),
              c.get("panel_size").asInt(),
              quotas,
              new HouseholdRule(addressColumns));
      for (Algorithm a : List.of(Algorithm.MAXIMIN, Algorithm.LEXIMIN)) {
        args.add(Arguments.of(key, a, problem));
      }
    }
    assertThat(args).hasSize(2 * expectations().size());
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void givesTheProbabilitiesStatedUpstream(String key, Algorithm algorithm, SelectionProblem problem) {
    SelectionResult result = SortitionFixtures.select(problem, algorithm, 7);
    SortitionFixtures.assertWellFormed(problem, result);
    Expected expected = expectations().get(key);
    expected.exact()
        .forEach(
            (id, p) ->
                assertThat(result.probabilities().get(id)).as(id).isCloseTo(p, within(1e-5)));
    expected.atLeast()
        .forEach(
            (id, p) -> assertThat(result.probabilities().get(id)).as(id).isGreaterThan(p - 1e-5));
    // The published lottery of 1000 tickets stays close to the exact probabilities.
    assertThat(result.maxLotteryDeviation(problem.pool())).isLessThanOrEqualTo(0.01);
  }
}
