package org.polity.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The ready-made templates, read from JSON files in the library ({@code
 * org/polity/process/templates/*.json}), and the reader for templates of your own.
 *
 * <p>A template file looks like:
 *
 * <pre>{@code
 * { "id": "shared-budget", "kind": "PARTICIPATORY_BUDGET",
 *   "phases": [ { "id": "information", "kind": "INFORMATION", "actions": [] },
 *               { "id": "submission", "kind": "IDEA_SUBMISSION", "actions": ["SUBMIT", "COMMENT"] } ] }
 * }</pre>
 *
 * Kinds and actions are the names of {@link ProcessKind}, {@link PhaseKind} and {@link
 * ParticipationAction}; phases may also carry {@code "opens"} and {@code "closes"} as local
 * date-times ({@code 2027-03-01T00:00}).
 */
public final class ProcessTemplates {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessTemplates() {}

  /**
   * The ten steps of a "shared budget" edition: information, submission, deliberation by the
   * citizens' assembly, feasibility review, validation by the executive, campaign and vote,
   * proclamation, adoption in the municipal budget, evaluation, realisation and follow-up.
   *
   * @return the template, undated
   */
  public static ProcessTemplate sharedBudget() {
    return resource("shared-budget.json");
  }

  /**
   * The phases of a CONSUL-style budget: informing, accepting, reviewing, selecting, valuating,
   * publishing prices, balloting, reviewing ballots, finished.
   *
   * @return the template, undated
   */
  public static ProcessTemplate consulBudget() {
    return resource("consul-budget.json");
  }

  /**
   * Reads a template from JSON.
   *
   * @param json the JSON document, UTF-8
   * @return the template
   * @throws IllegalArgumentException naming the field at fault if the document is not a template
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static ProcessTemplate read(InputStream json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The template is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "The template is not a JSON object: give {\"id\": ..., \"phases\": [...]}.");
    }
    String id = text(root, "id", "the template");
    ProcessKind kind =
        name(
            ProcessKind.class,
            text(root, "kind", "template '" + id + "'"),
            "kind of template '" + id + "'");
    JsonNode phaseNodes = root.path("phases");
    if (!phaseNodes.isArray()) {
      throw new IllegalArgumentException(
          "Template '" + id + "' has no \"phases\" array: list its phases.");
    }
    List<Phase> phases = new ArrayList<>();
    for (JsonNode node : phaseNodes) {
      String phaseId = text(node, "id", "a phase of template '" + id + "'");
      String where = "phase '" + phaseId + "' of template '" + id + "'";
      PhaseKind phaseKind = name(PhaseKind.class, text(node, "kind", where), "kind of " + where);
      Set<ParticipationAction> actions = EnumSet.noneOf(ParticipationAction.class);
      JsonNode actionNodes = node.path("actions");
      if (!actionNodes.isMissingNode() && !actionNodes.isArray()) {
        throw new IllegalArgumentException(
            "The \"actions\" of " + where + " is not an array: give a list such as [\"VOTE\"].");
      }
      for (JsonNode action : actionNodes) {
        actions.add(name(ParticipationAction.class, action.asText(), "action of " + where));
      }
      PhaseDates dates =
          new PhaseDates(dateTime(node, "opens", where), dateTime(node, "closes", where));
      phases.add(new Phase(phaseId, phaseKind, dates, actions));
    }
    return new ProcessTemplate(id, kind, phases);
  }

  private static ProcessTemplate resource(String name) {
    try (InputStream in = ProcessTemplates.class.getResourceAsStream("templates/" + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The template resource " + name + " is missing from the library.");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(
          "The \"" + field + "\" of " + where + " is missing or blank: give a text.");
    }
    return value.asText();
  }

  private static java.time.LocalDateTime dateTime(JsonNode node, String field, String where) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      return java.time.LocalDateTime.parse(value.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "The \""
              + field
              + "\" of "
              + where
              + " is '"
              + value.asText()
              + "', not a local date-time:"
              + " write it as 2027-03-01T00:00.",
          e);
    }
  }

  private static <E extends Enum<E>> E name(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The " + where + " is '" + value + "', which is not one of " + EnumSet.allOf(type) + ".",
          e);
    }
  }
}
