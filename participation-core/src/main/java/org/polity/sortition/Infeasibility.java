package org.polity.sortition;

import java.util.List;
import java.util.Locale;
import org.polity.common.LocalizedText;

/**
 * Why no panel can meet the quotas with this pool, and the smallest relaxation that would make one
 * possible (the least total number of seats moved, within each quota's {@code min_flex} and {@code
 * max_flex}).
 *
 * @param reasons one sentence per quota (or rule) that cannot be met, in English, French and Dutch
 * @param relaxation the suggested changes, empty if none within the flex bounds helps
 */
public record Infeasibility(List<LocalizedText> reasons, List<QuotaRelaxation> relaxation) {

  /** Copies the lists. */
  public Infeasibility {
    reasons = List.copyOf(reasons);
    relaxation = List.copyOf(relaxation);
  }

  /**
   * @return {@link #message(Locale)} in English
   */
  public String message() {
    return message(Locale.ENGLISH);
  }

  /**
   * One paragraph for the participation officer.
   *
   * @param locale English, French or Dutch (others fall back to the English text)
   * @return the reasons and the suggested relaxation
   */
  public String message(Locale locale) {
    String lang = locale.getLanguage();
    boolean fr = lang.equals("fr");
    boolean nl = lang.equals("nl");
    StringBuilder sb =
        new StringBuilder(
            fr
                ? "Les quotas ne peuvent pas être respectés avec ce vivier : "
                : nl
                    ? "De quota kunnen met deze pool niet gehaald worden: "
                    : "The quotas cannot be met by this pool: ");
    sb.append(
        String.join(
            "; ",
            reasons.stream()
                .map(r -> r.get(fr ? "fr" : nl ? "nl" : "en").orElse(r.original()))
                .toList()));
    sb.append('.');
    if (relaxation.isEmpty()) {
      sb.append(
          fr
              ? " Aucun assouplissement dans les bornes min_flex/max_flex ne rend un panel"
                  + " possible ; élargissez ces bornes, invitez plus de personnes ou changez la"
                  + " taille du panel."
              : nl
                  ? " Geen versoepeling binnen min_flex/max_flex maakt een panel mogelijk; verruim"
                      + " die grenzen, nodig meer mensen uit of wijzig de panelgrootte."
                  : " No relaxation within min_flex/max_flex makes a panel possible; widen the flex"
                      + " bounds, invite more people or change the panel size.");
    } else {
      sb.append(
          fr
              ? " Assouplissement minimal : "
              : nl ? " Kleinste versoepeling: " : " Smallest relaxation: ");
      sb.append(String.join("; ", relaxation.stream().map(QuotaRelaxation::describe).toList()));
      sb.append('.');
    }
    return sb.toString();
  }
}
