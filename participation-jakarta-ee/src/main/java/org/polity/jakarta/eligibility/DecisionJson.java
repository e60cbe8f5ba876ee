package org.polity.jakarta.eligibility;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import org.polity.eligibility.Decision;
import org.polity.eligibility.Reason;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.problem.Problem;
import org.polity.jakarta.problem.ProblemException;
import org.polity.process.ParticipationAction;

/**
 * Eligibility decisions as JSON, in the reader's language:
 *
 * <pre>{@code
 * {"action": "VOTE", "eligible": false, "status": "unauthorised",
 *  "reasons": [{"code": "TOO_YOUNG", "status": "unauthorised",
 *               "message": "U moet op 31 mei 2026 minstens 10 jaar oud zijn.", "remedy": null}],
 *  "messages": ["..."], "remedies": ["..."]}
 * }</pre>
 *
 * <p>{@code status} follows Decidim's statuses ({@code ok}, {@code missing}, {@code expired},
 * {@code pending}, {@code unauthorised}, {@code incomplete}). Reasons never carry the evidence (no
 * birth date, no address), only the rule's own parameters.
 */
public final class DecisionJson {

  /** The languages Polity writes: French, Dutch and English (the fallback). */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("nl"), Locale.ENGLISH);

  private DecisionJson() {}

  /**
   * The language to answer in: the first of the reader's acceptable languages that Polity writes,
   * English otherwise.
   *
   * @param acceptable the reader's languages, preferred first (from {@code Accept-Language})
   * @return French, Dutch or English
   */
  public static Locale language(List<Locale> acceptable) {
    for (Locale wanted : acceptable) {
      for (Locale language : LANGUAGES) {
        if (language.getLanguage().equals(wanted.getLanguage())) {
          return language;
        }
      }
    }
    return Locale.ENGLISH;
  }

  /**
   * A decision as JSON.
   *
   * @param action the action decided on
   * @param decision the decision
   * @param language the reader's language
   * @return the JSON object
   */
  public static JsonObject toJson(ParticipationAction action, Decision decision, Locale language) {
    return members(action, decision, language).build();
  }

  private static JsonObjectBuilder members(
      ParticipationAction action, Decision decision, Locale language) {
    JsonArrayBuilder reasons = Jsonp.JSON.createArrayBuilder();
    for (Reason reason : decision.reasons()) {
      JsonObjectBuilder entry =
          Jsonp.JSON
              .createObjectBuilder()
              .add("code", reason.code().name())
              .add("status", reason.status().name().toLowerCase(Locale.ROOT))
              .add("message", reason.message(language));
      reason
          .remedy(language)
          .ifPresentOrElse(r -> entry.add("remedy", r), () -> entry.addNull("remedy"));
      reasons.add(entry);
    }
    return Jsonp.JSON
        .createObjectBuilder()
        .add("action", action.name())
        .add("eligible", decision.isEligible())
        .add("status", decision.status().name().toLowerCase(Locale.ROOT))
        .add("reasons", reasons)
        .add("messages", Jsonp.JSON.createArrayBuilder(decision.messages(language)))
        .add("remedies", Jsonp.JSON.createArrayBuilder(decision.remedies(language)));
  }

  /**
   * The problem answering a refused action: 403 ({@code not-eligible}) when the known facts do not
   * qualify, 422 ({@code eligibility-unresolved}) when evidence is missing, pending, expired or
   * incomplete, so that completing it could help. The document carries the decision's members.
   *
   * @param action the action refused
   * @param decision a decision that is not eligible
   * @param language the reader's language
   * @return the exception to throw
   */
  public static ProblemException refusal(
      ParticipationAction action, Decision decision, Locale language) {
    boolean unresolved = decision instanceof Decision.Unresolved;
    int status = unresolved ? 422 : 403;
    String detail = String.join(" ", decision.messages(language));
    Problem problem =
        new Problem(
            Problem.TYPE_BASE + (unresolved ? "eligibility-unresolved" : "not-eligible"),
            unresolved ? "Eligibility cannot be decided yet" : "Not eligible",
            status,
            detail,
            List.of());
    return new ProblemException(problem, members(action, decision, language).build(), language);
  }
}
