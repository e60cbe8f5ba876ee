package org.polity.jakarta.results;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polity.common.LocalizedText;
import org.polity.counting.Explanation;
import org.polity.counting.Reason;
import org.polity.counting.Tie;
import org.polity.counting.TieBreaking;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.process.CountingDefinition;

/**
 * Results as JSON, in two steps: a {@linkplain #document language-neutral document} (every text in
 * French, Dutch and English; what is stored when results are published, so that they read the same
 * forever), and its {@linkplain #view view} in the reader's language.
 *
 * <pre>{@code
 * {"budgetId": "sb-2027", "processId": "sb", "rule": "mes", "satisfaction": "cost",
 *  "completion": "add1", "ruleDescription": "mes cost add1",
 *  "tieBreaking": "lottery", "seed": "2027-05-12: 4 17 23",  // seed only for a lottery
 *  "provisional": false, "published": true, "publishedAt": "...", "countedAt": "...",
 *  "language": "fr", "ballots": 4216, "ignoredMentions": 0,
 *  "budget": {"amount": "515055", "currency": "EUR"}, "used": {...}, "remaining": {...},
 *  "winners": ["sb-003", "sb-017"],                      // in the order the rule funded them
 *  "notes": ["..."],
 *  "ties": [{"step": 1, "quantity": "price", "value": "0.166667", "exactValue": "1/6",
 *            "projects": ["sb-003", "sb-017"],                // the order chosen: first won
 *            "tieBreaking": "project-id", "text": "Au tour 1, les projets sb-003, sb-017 ..."}],
 *  "projects": [{"id": "sb-003", "title": "...", "cost": {...}, "votes": 2310, "selected": true,
 *                "explanation": "Financé au tour 1 : ...",
 *                "reasons": [{"code": "mes.funded", "arguments": ["1", "6", "10 EUR"]}]}]}
 * }</pre>
 *
 * {@code points} appears on projects when ballots give points or scores. {@code tieBreaking},
 * {@code seed} and {@code ties} (the ties the tie-breaking rule decided, {@link Tie}) are absent
 * from results published before ties were reported.
 */
public final class ResultsJson {

  /** The languages every stored text is written in. */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.FRENCH, Locale.forLanguageTag("nl"), Locale.ENGLISH);

  private ResultsJson() {}

  /**
   * The language-neutral document of a count.
   *
   * @param results the count
   * @param publishedAt when it was published, or null for a live count
   * @return the document
   */
  public static JsonObject document(BudgetResults results, Instant publishedAt) {
    String currency = results.envelope().currency().getCurrencyCode();
    BigDecimal used = results.result().cost();
    JsonObjectBuilder json =
        Jsonp.JSON
            .createObjectBuilder()
            .add("budgetId", results.budget().value())
            .add("processId", results.process().value())
            .add("rule", results.counting().rule())
            .add("satisfaction", results.counting().satisfaction().name().toLowerCase(Locale.ROOT))
            .add("completion", results.counting().completion())
            .add("ruleDescription", results.result().rule());
    TieBreaking tieBreaking = results.counting().tieBreaking(results.budget());
    json.add("tieBreaking", tieBreaking.name());
    tieBreaking.publishedSeed().ifPresent(seed -> json.add("seed", seed));
    json.add("countedAt", results.countedAt().toString());
    if (publishedAt != null) {
      json.add("publishedAt", publishedAt.toString());
    }
    json.add("ballots", results.ballots())
        .add("ignoredMentions", results.ignoredMentions())
        .add("budget", money(results.envelope().amount(), currency))
        .add("used", money(used, currency))
        .add("remaining", money(results.envelope().amount().subtract(used), currency));
    JsonArrayBuilder winners = Jsonp.JSON.createArrayBuilder();
    results.result().winners().forEach(id -> winners.add(id.value()));
    json.add("winners", winners);
    JsonArrayBuilder notes = Jsonp.JSON.createArrayBuilder();
    for (Reason note : results.result().notes()) {
      notes.add(texts(note::text));
    }
    json.add("notes", notes);
    json.add("ties", ties(results));
    boolean withPoints = results.projects().stream().anyMatch(p -> p.points() > 0);
    JsonArrayBuilder projects = Jsonp.JSON.createArrayBuilder();
    for (BudgetResults.ProjectTally tally : results.projects()) {
      Explanation explanation = results.result().explanations().get(tally.id());
      JsonObjectBuilder project =
          Jsonp.JSON
              .createObjectBuilder()
              .add("id", tally.id().value())
              .add("title", text(tally.title()))
              .add("cost", money(tally.cost().amount(), currency))
              .add("votes", tally.votes());
      if (withPoints) {
        project.add("points", tally.points());
      }
      project.add("selected", results.result().isFunded(tally.id()));
      JsonArrayBuilder reasons = Jsonp.JSON.createArrayBuilder();
      if (explanation != null) {
        project.add("explanation", texts(explanation::text));
        for (Reason reason : explanation.reasons()) {
          JsonArrayBuilder arguments = Jsonp.JSON.createArrayBuilder();
          reason.arguments().forEach(argument -> arguments.add(String.valueOf(argument)));
          reasons.add(
              Jsonp.JSON
                  .createObjectBuilder()
                  .add("code", reason.code())
                  .add("arguments", arguments));
        }
      }
      projects.add(project.add("reasons", reasons));
    }
    return json.add("projects", projects).build();
  }

  /**
   * A document in the reader's language: each multilingual text becomes the reader's text.
   *
   * @param document a {@linkplain #document document}
   * @param language the reader's language (fr, nl or en)
   * @param provisional whether the vote is still running (a count only staff may see)
   * @return the view
   */
  public static JsonObject view(JsonObject document, Locale language, boolean provisional) {
    String tag = language.getLanguage();
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    for (Map.Entry<String, JsonValue> member : document.entrySet()) {
      switch (member.getKey()) {
        case "notes" -> {
          JsonArrayBuilder notes = Jsonp.JSON.createArrayBuilder();
          member
              .getValue()
              .asJsonArray()
              .forEach(note -> notes.add(pick(note.asJsonObject(), tag)));
          json.add("notes", notes);
        }
        case "ties" -> {
          JsonArrayBuilder ties = Jsonp.JSON.createArrayBuilder();
          for (JsonValue value : member.getValue().asJsonArray()) {
            JsonObjectBuilder tie = Jsonp.JSON.createObjectBuilder(value.asJsonObject());
            if (value.asJsonObject().get("text") instanceof JsonObject text) {
              tie.add("text", pick(text, tag));
            }
            ties.add(tie);
          }
          json.add("ties", ties);
        }
        case "projects" -> {
          JsonArrayBuilder projects = Jsonp.JSON.createArrayBuilder();
          for (JsonValue value : member.getValue().asJsonArray()) {
            JsonObjectBuilder project = Jsonp.JSON.createObjectBuilder(value.asJsonObject());
            project.add("title", pick(value.asJsonObject().getJsonObject("title"), tag));
            if (value.asJsonObject().containsKey("explanation")) {
              project.add(
                  "explanation", pick(value.asJsonObject().getJsonObject("explanation"), tag));
            }
            projects.add(project);
          }
          json.add("projects", projects);
        }
        default -> json.add(member.getKey(), member.getValue());
      }
    }
    return json.add("language", tag)
        .add("provisional", provisional)
        .add("published", document.containsKey("publishedAt"))
        .build();
  }

  /**
   * The public reason of a publication that gives none: the rule used, in three languages.
   *
   * @param counting the process's counting rule
   * @return the reason
   */
  public static LocalizedText defaultReason(CountingDefinition counting) {
    String rule =
        counting.rule()
            + " ("
            + counting.satisfaction().name().toLowerCase(Locale.ROOT)
            + ", "
            + counting.completion()
            + ")";
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("fr", "Résultats comptés avec la règle " + rule + ".");
    texts.put("nl", "Resultaten geteld met de regel " + rule + ".");
    texts.put("en", "Results counted with the rule " + rule + ".");
    return new LocalizedText(texts);
  }

  /** The ties the count's tie-breaking rule decided, each with its sentence in three languages. */
  private static JsonArrayBuilder ties(BudgetResults results) {
    String currency = results.envelope().currency().getCurrencyCode();
    JsonArrayBuilder ties = Jsonp.JSON.createArrayBuilder();
    for (Tie tie : results.result().ties()) {
      JsonArrayBuilder projects = Jsonp.JSON.createArrayBuilder();
      tie.projects().forEach(id -> projects.add(id.value()));
      JsonObjectBuilder json =
          Jsonp.JSON
              .createObjectBuilder()
              .add("step", tie.step())
              .add("quantity", tie.quantity().id())
              .add("value", tie.shownValue().toPlainString())
              .add("exactValue", tie.value().toString())
              .add("projects", projects)
              .add("tieBreaking", tie.rule().name());
      tie.rule().publishedSeed().ifPresent(seed -> json.add("seed", seed));
      Reason note = tie.note(currency);
      ties.add(json.add("text", texts(note::text)));
    }
    return ties;
  }

  private static JsonObject money(BigDecimal amount, String currency) {
    return Jsonp.JSON
        .createObjectBuilder()
        .add("amount", amount.toPlainString())
        .add("currency", currency)
        .build();
  }

  private static JsonObject texts(java.util.function.Function<Locale, String> text) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    for (Locale language : LANGUAGES) {
      json.add(language.getLanguage(), text.apply(language));
    }
    return json.build();
  }

  private static JsonObject text(LocalizedText text) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    text.texts().forEach(json::add);
    return json.build();
  }

  private static String pick(JsonObject texts, String language) {
    if (texts.get(language) instanceof JsonString s) {
      return s.getString();
    }
    if (texts.get("en") instanceof JsonString s) {
      return s.getString();
    }
    return texts.values().stream()
        .filter(JsonString.class::isInstance)
        .map(v -> ((JsonString) v).getString())
        .findFirst()
        .orElse("");
  }
}
