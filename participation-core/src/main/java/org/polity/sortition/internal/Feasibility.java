package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.polity.common.LocalizedText;
import org.polity.sortition.Infeasibility;
import org.polity.sortition.Quota;
import org.polity.sortition.QuotaRelaxation;

/**
 * Decides whether any panel meets the quotas and the household rule; if none does, finds the
 * smallest relaxation by an integer program: the panel's seats per unit plus, per quota, how many
 * seats its minimum is lowered and its maximum raised (bounded by {@code min_flex}/{@code
 * max_flex}), minimising the total. The quotas that had to move are the ones reported.
 */
public final class Feasibility {

  private Feasibility() {}

  /**
   * @param model the units
   * @return empty if an acceptable panel exists, else the diagnosis
   */
  public static Optional<Infeasibility> check(UnitModel model) {
    if (new PanelIp(model, OjAlgoSolver.INSTANCE).best(null).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(diagnose(model));
  }

  private static Infeasibility diagnose(UnitModel model) {
    List<Quota> quotas = model.problem.quotas();
    int k = model.panelSize;
    ExpressionsBasedModel ip = new ExpressionsBasedModel();
    int units = model.unitCount();
    Variable[] n = new Variable[units];
    for (int u = 0; u < units; u++) {
      n[u] = ip.addVariable("n" + u).lower(0).upper(model.size(u)).integer(true);
    }
    Expression size = ip.addExpression("size").level(k);
    for (Variable v : n) {
      size.set(v, 1);
    }
    Variable[] down = new Variable[quotas.size()];
    Variable[] up = new Variable[quotas.size()];
    for (int q = 0; q < quotas.size(); q++) {
      Quota quota = quotas.get(q);
      down[q] =
          ip.addVariable("down" + q)
              .lower(0)
              .upper(quota.min() - quota.lowestMin())
              .integer(true)
              .weight(1);
      up[q] =
          ip.addVariable("up" + q)
              .lower(0)
              .upper(Math.max(0, quota.highestMax(k) - quota.max()))
              .integer(true)
              .weight(1);
      Expression lo = ip.addExpression("lo" + q).lower(quota.min());
      Expression hi = ip.addExpression("hi" + q).upper(quota.max());
      for (int u : model.quotaUnits[q]) {
        lo.set(n[u], 1);
        hi.set(n[u], 1);
      }
      lo.set(down[q], 1);
      hi.set(up[q], -1);
    }
    int h = 0;
    for (int[] household : model.households) {
      Expression e = ip.addExpression("h" + h++).upper(1);
      for (int u : household) {
        e.set(n[u], 1);
      }
    }
    Optimisation.Result result = ip.minimise();
    List<LocalizedText> reasons = new ArrayList<>();
    List<QuotaRelaxation> relaxation = new ArrayList<>();
    Map<Integer, Integer> poolCount = new LinkedHashMap<>();
    for (int q = 0; q < quotas.size(); q++) {
      int c = 0;
      for (int u : model.quotaUnits[q]) {
        c += model.size(u);
      }
      poolCount.put(q, c);
    }
    if (result.getState().isFeasible()) {
      int offset = units;
      for (int q = 0; q < quotas.size(); q++) {
        int d = (int) Math.round(result.doubleValue(offset + 2 * q));
        int r = (int) Math.round(result.doubleValue(offset + 2 * q + 1));
        if (d > 0 || r > 0) {
          Quota quota = quotas.get(q);
          relaxation.add(new QuotaRelaxation(quota, quota.min() - d, quota.max() + r));
          String range = quota.label() + " [" + quota.min() + ", " + quota.max() + "]";
          int c = poolCount.get(q);
          reasons.add(
              text(
                  range
                      + " cannot be met together with the other quotas (the pool has "
                      + c
                      + " such respondents)",
                  range
                      + " ne peut pas être respecté en même temps que les autres quotas (le"
                      + " vivier compte "
                      + c
                      + " personnes de ce groupe)",
                  range
                      + " kan niet samen met de andere quota gehaald worden (de pool telt "
                      + c
                      + " zulke respondenten)"));
        }
      }
    } else {
      for (int q = 0; q < quotas.size(); q++) {
        Quota quota = quotas.get(q);
        if (poolCount.get(q) < quota.min()) {
          int c = poolCount.get(q);
          reasons.add(
              text(
                  quota.label()
                      + " needs at least "
                      + quota.min()
                      + " seats but the pool has only "
                      + c
                      + " such respondents",
                  quota.label()
                      + " exige au moins "
                      + quota.min()
                      + " sièges mais le vivier ne compte que "
                      + c
                      + " personnes de ce groupe",
                  quota.label()
                      + " vraagt minstens "
                      + quota.min()
                      + " zetels maar de pool telt slechts "
                      + c
                      + " zulke respondenten"));
        }
      }
      Map<String, int[]> perFeature = new LinkedHashMap<>();
      for (Quota quota : quotas) {
        int[] mm = perFeature.computeIfAbsent(quota.feature(), f -> new int[2]);
        mm[0] += quota.min();
        mm[1] += quota.max();
      }
      perFeature.forEach(
          (f, mm) -> {
            if (mm[0] > k) {
              reasons.add(
                  text(
                      "the minimums of " + f + " add up to " + mm[0] + " > panel size " + k,
                      "les minimums de " + f + " totalisent " + mm[0] + " > taille du panel " + k,
                      "de minima van " + f + " tellen op tot " + mm[0] + " > panelgrootte " + k));
            }
            if (mm[1] < k) {
              reasons.add(
                  text(
                      "the maximums of " + f + " add up to " + mm[1] + " < panel size " + k,
                      "les maximums de " + f + " totalisent " + mm[1] + " < taille du panel " + k,
                      "de maxima van " + f + " tellen op tot " + mm[1] + " < panelgrootte " + k));
            }
          });
      if (reasons.isEmpty()) {
        boolean rule = !model.households.isEmpty();
        reasons.add(
            text(
                "no set of "
                    + k
                    + " respondents meets all quotas"
                    + (rule ? " and the household rule" : "")
                    + " together",
                "aucun groupe de "
                    + k
                    + " répondants ne respecte tous les quotas"
                    + (rule ? " et la règle d'un membre par ménage" : "")
                    + " à la fois",
                "geen groep van "
                    + k
                    + " respondenten haalt alle quota"
                    + (rule ? " en de regel van één lid per huishouden" : "")
                    + " tegelijk"));
      }
    }
    if (reasons.isEmpty()) {
      reasons.add(
          text(
              "the household rule leaves too few eligible respondents",
              "la règle d'un membre par ménage laisse trop peu de répondants",
              "de regel van één lid per huishouden laat te weinig respondenten over"));
    }
    return new Infeasibility(reasons, relaxation);
  }

  private static LocalizedText text(String en, String fr, String nl) {
    return LocalizedText.of("en", en).with("fr", fr).with("nl", nl);
  }
}
