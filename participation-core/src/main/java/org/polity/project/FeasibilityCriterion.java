package org.polity.project;

import java.util.Locale;
import org.polity.common.Texts;

/** The criteria of an edition's feasibility review, one line each on the reviewer's checklist. */
public enum FeasibilityCriterion {
  /** The project is located on the territory. */
  ON_TERRITORY,
  /** It falls within the municipality's competence. */
  WITHIN_COMPETENCE,
  /** Its (reviewed) cost is at most the edition's maximum per project. */
  WITHIN_MAXIMUM_COST,
  /** It is of public interest. */
  PUBLIC_INTEREST,
  /** It falls within the themes of the edition. */
  WITHIN_THEMES;

  private static final Texts TEXTS = Texts.of(FeasibilityCriterion.class);

  /**
   * The criterion as a reader sees it, in French, Dutch or English.
   *
   * @param locale the reader's locale
   * @return a short phrase such as "within the municipality's competence"
   */
  public String displayName(Locale locale) {
    return TEXTS.text("criterion." + name()).in(locale);
  }
}
