package org.polity.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.sortition.HouseholdRule;
import org.polity.sortition.Pool;
import org.polity.sortition.Quota;
import org.polity.sortition.Respondent;
import org.polity.sortition.SelectionProblem;

/**
 * The hand-made instances of the sortition-algorithms unit tests ({@code
 * derived/sortition-algorithms-test-examples.json} in the shared data), with the probabilities that
 * the upstream test file (tests/test_committee_generation.py, tag 0.12.10) states for maximin.
 * Shared by core's tests and the solver plugins' tests.
 */
public final class UpstreamSortitionExamples {

  /**
   * One instance: its key ({@code name/address-columns}) and the selection problem.
   *
   * @param key e.g. {@code example1/home,street}
   * @param problem the pool, panel size, quotas and household rule
   */
  public record Example(String key, SelectionProblem problem) {}

  /**
   * What upstream states for an instance: exact values, and lower bounds where it only bounds.
   *
   * @param exact respondent id to its stated probability
   * @param atLeast respondent id to a lower bound of its probability
   */
  public record Expected(Map<String, Double> exact, Map<String, Double> atLeast) {}

  private UpstreamSortitionExamples() {}

  /**
   * The stated probabilities, by instance key; every instance of the file has an entry.
   *
   * @return the expectations in the file's order
   */
  public static Map<String, Expected> expectations() {
    Map<String, Expected> e = new LinkedHashMap<>();
    e.put(
        "example1/",
        new Expected(
            Map.of(
                "lisa", 1 / 3.0, "scrooge", 1 / 3.0, "louie", 1 / 3.0, "dewey", 1 / 3.0, "marge",
                2 / 3.0),
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

  /**
   * Reads every instance of the shared file.
   *
   * @return the instances in the file's order
   * @throws IllegalStateException if a respondent of the file is refused by the pool
   */
  public static List<Example> examples() {
    JsonNode root;
    try {
      root =
          new ObjectMapper()
              .readTree(
                  SharedData.dir()
                      .resolve("sortition/derived/sortition-algorithms-test-examples.json")
                      .toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Example> examples = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      List<String> addressColumns = new ArrayList<>();
      c.get("check_same_address_columns").forEach(n -> addressColumns.add(n.asText()));
      List<Quota> quotas = new ArrayList<>();
      c.get("features")
          .fields()
          .forEachRemaining(
              feature ->
                  feature
                      .getValue()
                      .fields()
                      .forEachRemaining(
                          value ->
                              quotas.add(
                                  Quota.of(
                                      feature.getKey(),
                                      value.getKey(),
                                      value.getValue().get("min").asInt(),
                                      value.getValue().get("max").asInt()))));
      Pool.Builder pool = Pool.builder();
      c.get("people")
          .fields()
          .forEachRemaining(
              person -> {
                Map<String, String> columns = new LinkedHashMap<>();
                person
                    .getValue()
                    .fields()
                    .forEachRemaining(x -> columns.put(x.getKey(), x.getValue().asText()));
                if (!pool.register(new Respondent(person.getKey(), columns)).accepted()) {
                  throw new IllegalStateException(
                      "The pool refused respondent "
                          + person.getKey()
                          + " of "
                          + c.get("name").asText());
                }
              });
      examples.add(
          new Example(
              c.get("name").asText() + "/" + String.join(",", addressColumns),
              new SelectionProblem(
                  pool.build(),
                  c.get("panel_size").asInt(),
                  quotas,
                  new HouseholdRule(addressColumns))));
    }
    return examples;
  }
}
