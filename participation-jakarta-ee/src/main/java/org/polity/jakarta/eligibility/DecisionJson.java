package org.polity.jakarta.eligibility;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polity.common.LocalizedText;
import org.polity.eligibility.Decision;
import org.polity.eligibility.Reason;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.problem.Problem;
import org.polity.jakarta.problem.ProblemException;
import org.polity.jakarta.problem.Refusal;
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

  /**
   * The languages Polity writes: French, Dutch and English (the fallback).
   *
   * @deprecated use {@link org.polity.common.Texts#LANGUAGES}
   */
  @Deprecated
  public static final List<Locale> LANGUAGES =
      List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("nl"), Locale.ENGLISH);

  private DecisionJson() {}

  /**
   * The language to answer in: the first of the reader's acceptable languages that Polity writes,
   * English otherwise.
   *
   * @param acceptable the reader's languages, preferred first (from {@code Accept-Language})
   * @return French, Dutch or English
   * @deprecated use {@link org.polity.common.Texts#language(List)} or {@link
   *     org.polity.jakarta.http.Languages#of}; kept for callers outside eligibility until they move
   */
  @Deprecated
  public static Locale language(List<Locale> acceptable) {
    return org.polity.common.Texts.language(acceptable);
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

  /**
   * The refusal of an action a decision does not allow, as an application service returns it: 403
   * ({@code not-eligible}) when the known facts do not qualify, 422 ({@code
   * eligibility-unresolved}) when evidence is missing, pending, expired or incomplete. Its detail
   * is the decision's messages in French, Dutch and English; its extension members are the
   * decision's members ({@link #toJson}) in the reader's language, as in the problem documents of
   * {@link #refusal}.
   *
   * @param action the action refused
   * @param decision a decision that is not eligible
   * @param language the language of the extension members
   * @return the refusal
   */
  public static Refusal refusalOf(ParticipationAction action, Decision decision, Locale language) {
    boolean unresolved = decision instanceof Decision.Unresolved;
    Map<String, String> detail = new LinkedHashMap<>();
    for (Locale one : org.polity.common.Texts.LANGUAGES) {
      detail.put(one.toLanguageTag(), String.join(" ", decision.messages(one)));
    }
    return new Refusal(
        unresolved ? Refusal.Kind.RULE : Refusal.Kind.FORBIDDEN,
        unresolved ? "eligibility-unresolved" : "not-eligible",
        new LocalizedText(detail),
        members(action, decision, language).build());
  }

  /**
   * The exception a REST resource throws for a refusal of {@link EligibilityService}: an
   * eligibility refusal ({@link #refusalOf}) becomes the problem document of {@link #refusal}
   * (title included), any other refusal its {@link Refusal#toException() exception}.
   *
   * @param refusal the refusal
   * @param language the reader's language
   * @return the exception to throw
   */
  public static RuntimeException problem(Refusal refusal, Locale language) {
    boolean unresolved = refusal.code().equals("eligibility-unresolved");
    if (!unresolved && !refusal.code().equals("not-eligible")) {
      return refusal.toException();
    }
    Problem problem =
        new Problem(
            Problem.TYPE_BASE + refusal.code(),
            unresolved ? "Eligibility cannot be decided yet" : "Not eligible",
            refusal.kind().status(),
            refusal.detail(language),
            List.of());
    return new ProblemException(problem, refusal.extensions(), language);
  }
}
