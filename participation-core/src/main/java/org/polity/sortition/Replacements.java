package org.polity.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.polity.common.LocalizedText;

/**
 * Replacing a member who withdraws: among the respondents who are not on the panel and are still
 * available, keep those whose arrival (in place of the member who left) keeps every quota and the
 * household rule, and pick one of them uniformly at random with a recorded seed.
 */
public final class Replacements {

  private Replacements() {}

  /** The outcome of a replacement. */
  public sealed interface Outcome {}

  /**
   * A replacement was found.
   *
   * @param panel the new panel
   * @param withdrawn the member who left
   * @param replacement the new member
   * @param candidates every respondent who could have been chosen, sorted
   * @param seed the seed of the pick
   */
  public record Replaced(
      Panel panel, String withdrawn, String replacement, List<String> candidates, long seed)
      implements Outcome {}

  /**
   * Nobody available keeps the quotas; the officer must relax a quota or leave the seat empty.
   *
   * @param withdrawn the member who left
   * @param reason why (English, French, Dutch)
   */
  public record NoReplacement(String withdrawn, LocalizedText reason) implements Outcome {}

  /**
   * Finds a replacement.
   *
   * @param problem the problem the panel was drawn for
   * @param panel the current panel
   * @param withdrawnId the member who withdraws (must be on the panel)
   * @param unavailable respondents who cannot be asked (already declined, withdrew before)
   * @param seed recorded seed of the pick
   * @return the new panel or the reason there is none
   */
  public static Outcome replace(
      SelectionProblem problem,
      Panel panel,
      String withdrawnId,
      Set<String> unavailable,
      long seed) {
    Objects.requireNonNull(unavailable, "unavailable");
    if (!panel.contains(withdrawnId)) {
      throw new IllegalArgumentException(
          "'" + withdrawnId + "' is not on the panel; name a current member to replace.");
    }
    List<String> rest = new ArrayList<>(panel.memberIds());
    rest.remove(withdrawnId);
    List<String> candidates = new ArrayList<>();
    for (Respondent r : problem.pool().respondents()) {
      if (panel.contains(r.id()) || unavailable.contains(r.id())) {
        continue;
      }
      List<String> trial = new ArrayList<>(rest);
      trial.add(r.id());
      if (problem.violations(trial).isEmpty()) {
        candidates.add(r.id());
      }
    }
    if (candidates.isEmpty()) {
      return new NoReplacement(
          withdrawnId,
          LocalizedText.of(
                  "en",
                  "No available respondent keeps every quota and the household rule in place of "
                      + withdrawnId
                      + ".")
              .with(
                  "fr",
                  "Aucun répondant disponible ne respecte tous les quotas et la règle du ménage à"
                      + " la place de "
                      + withdrawnId
                      + ".")
              .with(
                  "nl",
                  "Geen beschikbare respondent houdt alle quota en de huishoudregel in stand in"
                      + " plaats van "
                      + withdrawnId
                      + "."));
    }
    candidates.sort(null);
    String pick = candidates.get(new Random(seed).nextInt(candidates.size()));
    rest.add(pick);
    return new Replaced(new Panel(rest), withdrawnId, pick, List.copyOf(candidates), seed);
  }
}
