package org.polity.jakarta.eligibility;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.polity.common.LocalizedText;
import org.polity.eligibility.Decision;
import org.polity.eligibility.Reason;
import org.polity.jakarta.http.Jsonp;
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

  private DecisionJson() {}

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
}
