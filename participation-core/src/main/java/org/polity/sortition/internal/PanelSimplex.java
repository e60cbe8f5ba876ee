package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A warm-started primal simplex for the stage linear program of maximin and LEXIMIN column
 * generation, kept alive across rounds and stages (panels are added as columns, fixed levels change
 * a column and the right-hand side) instead of rebuilding the program each round.
 *
 * <p>The program: {@code max t} subject to, for every unit {@code u} on some panel, {@code Σ_P λ_P
 * n_uP/c_u - τ_u t - s_u = r_u} (not yet fixed: {@code τ_u = 1, r_u = 0}; fixed: {@code τ_u = 0,
 * r_u =} its level), {@code Σ_P λ_P = 1}, all variables non-negative. The simplex multipliers give
 * the dual weights used in pricing: {@code π_u >= 0} per unit and the bound {@code ŷ}; a panel
 * improves the program if {@code Σ_u π_u n_uP/c_u > ŷ}.
 *
 * <p>Dense revised simplex with an explicit basis inverse (product-form updates, re-inverted every
 * {@link #REINVERT} pivots), Dantzig pricing, Harris' ratio test, and Bland's rule after a run of
 * degenerate pivots (the program is highly degenerate). Any numerical failure throws {@link
 * IllegalStateException}; the caller then falls back to the {@link
 * org.polity.sortition.spi.LinearSolver}.
 */
final class PanelSimplex {

  private static final double PIVOT_TOL = 1e-7;
  private static final double FEAS_TOL = 1e-10;
  private static final double COST_TOL = 1e-11;
  private static final int REINVERT = 300;
  private static final int DEGENERATE_RUN = 30;

  /** Number of unit rows; row {@code units} is the convexity row. */
  private final int units;

  private final int m;
  private final int[] unitOfRow;
  private final int[] rowOfUnit;
  private final boolean[] open;
  private final double[] rhs;

  /** Panel columns: rows and coefficients (the convexity row included). */
  private final List<int[]> columnRows = new ArrayList<>();

  private final List<double[]> columnCoefs = new ArrayList<>();

  /** Variable ids: 0 is t, 1..units the slacks, units+1+p panel p. */
  private int[] basis;

  private boolean[] basic = new boolean[0];
  private double[] reference = new double[0];

  /**
   * Reduced costs of the nonbasic variables, updated with each pivot's row (computed anyway for
   * Devex) and recomputed from the multipliers after each re-inversion and new column.
   */
  private double[] reduced = new double[0];

  private boolean reducedStale = true;
  private double[][] inverse;
  private double[] x;
  private int pivots;
  private int degeneratePivots;
  private int blandPivots;
  private int reinversions;
  private int sinceReinvert;

  /**
   * @param rowOfUnit row of each unit of the model, or -1 for units on no panel
   * @param rowCount number of unit rows
   * @param first a panel's counts, shares per unit ({@code n_uP/c_u}), starting the basis
   */
  PanelSimplex(int[] rowOfUnit, int rowCount, double[] first) {
    this.units = rowCount;
    this.m = rowCount + 1;
    this.rowOfUnit = rowOfUnit;
    unitOfRow = new int[rowCount];
    for (int u = 0; u < rowOfUnit.length; u++) {
      if (rowOfUnit[u] >= 0) {
        unitOfRow[rowOfUnit[u]] = u;
      }
    }
    open = new boolean[rowCount];
    Arrays.fill(open, true);
    rhs = new double[m];
    rhs[units] = 1;
    addColumn(first);
    basis = new int[m];
    for (int i = 0; i < units; i++) {
      basis[i] = 1 + i;
    }
    basis[units] = units + 1;
    markBasic();
    reinvert();
  }

  /**
   * Adds a panel column.
   *
   * @param shares {@code n_uP/c_u} per unit of the model
   */
  void addColumn(double[] shares) {
    int nz = 1;
    for (int u = 0; u < shares.length; u++) {
      if (shares[u] > 0) {
        if (rowOfUnit[u] < 0) {
          throw new IllegalArgumentException("Unit " + u + " is on a panel but has no row.");
        }
        nz++;
      }
    }
    int[] r = new int[nz];
    double[] c = new double[nz];
    int i = 0;
    for (int u = 0; u < shares.length; u++) {
      if (shares[u] > 0) {
        r[i] = rowOfUnit[u];
        c[i++] = shares[u];
      }
    }
    r[i] = units;
    c[i] = 1;
    columnRows.add(r);
    columnCoefs.add(c);
    reducedStale = true;
    basic = Arrays.copyOf(basic, units + 1 + columnRows.size());
  }

  /**
   * @return pivots with no progress, pivots by Bland's rule, re-inversions so far (for debugging)
   */
  String stats() {
    return degeneratePivots
        + " degenerate, "
        + blandPivots
        + " Bland, "
        + reinversions
        + " reinversions";
  }

  /**
   * @return number of pivots so far
   */
  int pivots() {
    return pivots;
  }

  /** Solves the current program to optimality from the current basis, re-inverted at the end. */
  void optimise() {
    iterate();
    if (sinceReinvert > 0) {
      reinvert();
      iterate();
    }
  }

  private void iterate() {
    int degenerate = 0;
    int limit = 50_000 + 50 * (m + columnRows.size());
    for (int iteration = 0; ; iteration++) {
      if (iteration > limit) {
        throw new IllegalStateException("Stage simplex did not converge.");
      }
      boolean bland = degenerate >= DEGENERATE_RUN;
      int enter = -1;
      double best = 0;
      double bestScore = 0;
      int vars = units + 1 + columnRows.size();
      if (reference.length < vars) {
        int old = reference.length;
        reference = Arrays.copyOf(reference, vars);
        Arrays.fill(reference, old, vars, 1.0);
      }
      if (reducedStale || reduced.length < vars) {
        double[] y = multipliers();
        reduced = new double[vars];
        for (int j = 0; j < vars; j++) {
          if (!basic[j]) {
            reduced[j] = reducedCost(j, y);
          }
        }
        reducedStale = false;
      }
      for (int j = 0; j < vars; j++) {
        if (basic[j]) {
          continue;
        }
        double d = reduced[j];
        if (d > COST_TOL) {
          double score = d * d / reference[j];
          if (score > bestScore) {
            enter = j;
            best = d;
            bestScore = score;
            if (bland) {
              break;
            }
          }
        }
      }
      if (enter < 0) {
        return;
      }
      double[] alpha = ftran(enter);
      double thetaMax = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        if (alpha[i] > PIVOT_TOL) {
          thetaMax = Math.min(thetaMax, (Math.max(x[i], 0) + FEAS_TOL) / alpha[i]);
        }
      }
      if (thetaMax == Double.POSITIVE_INFINITY) {
        throw new IllegalStateException("Stage simplex: unbounded.");
      }
      int leave = -1;
      double bestAlpha = 0;
      for (int i = 0; i < m; i++) {
        if (alpha[i] > PIVOT_TOL && Math.max(x[i], 0) / alpha[i] <= thetaMax) {
          boolean better = bland ? leave < 0 || basis[i] < basis[leave] : alpha[i] > bestAlpha;
          if (better) {
            leave = i;
            bestAlpha = alpha[i];
          }
        }
      }
      double theta = Math.max(0, x[leave]) / alpha[leave];
      updateReference(leave, enter, alpha[leave], vars);
      degenerate = theta * best < 1e-13 ? degenerate + 1 : 0;
      if (degenerate > 0) {
        degeneratePivots++;
      }
      if (bland) {
        blandPivots++;
      }
      pivot(leave, enter, alpha, theta);
    }
  }

  /**
   * Devex reference weights (Forrest and Goldfarb's approximation of steepest edge), and the
   * reduced costs' update {@code d_j -= d_q α_rj / α_rq} from the same pivot row.
   */
  private void updateReference(int leave, int enter, double alphaR, int vars) {
    double[] rho = inverse[leave];
    double rq = reference[enter];
    double dq = reduced[enter];
    double max = 0;
    for (int j = 0; j < vars; j++) {
      if (basic[j] || j == enter) {
        continue;
      }
      double a = rowEntry(rho, j) / alphaR;
      if (a != 0) {
        reduced[j] -= dq * a;
        reference[j] = Math.max(reference[j], a * a * rq);
        max = Math.max(max, reference[j]);
      }
    }
    reduced[enter] = 0;
    reduced[basis[leave]] = -dq / alphaR;
    reference[basis[leave]] = Math.max(rq / (alphaR * alphaR), 1);
    if (max > 1e8) {
      Arrays.fill(reference, 1.0);
    }
  }

  private double rowEntry(double[] rho, int var) {
    if (var == 0) {
      double s = 0;
      for (int i = 0; i < units; i++) {
        if (open[i]) {
          s -= rho[i];
        }
      }
      return s;
    }
    if (var <= units) {
      return -rho[var - 1];
    }
    int[] r = columnRows.get(var - units - 1);
    double[] c = columnCoefs.get(var - units - 1);
    double s = 0;
    for (int k = 0; k < r.length; k++) {
      s += rho[r[k]] * c[k];
    }
    return s;
  }

  private void pivot(int leave, int enter, double[] alpha, double theta) {
    for (int i = 0; i < m; i++) {
      if (i != leave) {
        x[i] -= theta * alpha[i];
        if (x[i] < 0 && x[i] > -FEAS_TOL) {
          x[i] = 0;
        }
      }
    }
    x[leave] = theta;
    double[] pivotRow = inverse[leave];
    double a = alpha[leave];
    for (int k = 0; k < m; k++) {
      pivotRow[k] /= a;
    }
    for (int i = 0; i < m; i++) {
      double f = alpha[i];
      if (i != leave && f != 0) {
        double[] row = inverse[i];
        for (int k = 0; k < m; k++) {
          row[k] -= f * pivotRow[k];
        }
      }
    }
    basic[basis[leave]] = false;
    basis[leave] = enter;
    basic[enter] = true;
    pivots++;
    if (++sinceReinvert >= REINVERT) {
      reinvert();
    }
  }

  /** Simplex multipliers {@code y = c_B B⁻¹}: only t has a cost, so a row of the inverse. */
  private double[] multipliers() {
    for (int i = 0; i < m; i++) {
      if (basis[i] == 0) {
        return inverse[i];
      }
    }
    return new double[m];
  }

  private double reducedCost(int var, double[] y) {
    if (var == 0) {
      double d = 1;
      for (int i = 0; i < units; i++) {
        if (open[i]) {
          d += y[i];
        }
      }
      return d;
    }
    if (var <= units) {
      return y[var - 1];
    }
    int[] r = columnRows.get(var - units - 1);
    double[] c = columnCoefs.get(var - units - 1);
    double d = 0;
    for (int i = 0; i < r.length; i++) {
      d -= y[r[i]] * c[i];
    }
    return d;
  }

  private double[] ftran(int var) {
    double[] alpha = new double[m];
    if (var == 0) {
      for (int k = 0; k < units; k++) {
        if (open[k]) {
          for (int i = 0; i < m; i++) {
            alpha[i] -= inverse[i][k];
          }
        }
      }
    } else if (var <= units) {
      for (int i = 0; i < m; i++) {
        alpha[i] = -inverse[i][var - 1];
      }
    } else {
      int[] r = columnRows.get(var - units - 1);
      double[] c = columnCoefs.get(var - units - 1);
      for (int i = 0; i < m; i++) {
        double[] row = inverse[i];
        double s = 0;
        for (int k = 0; k < r.length; k++) {
          s += row[r[k]] * c[k];
        }
        alpha[i] = s;
      }
    }
    return alpha;
  }

  private double[] column(int var) {
    double[] col = new double[m];
    if (var == 0) {
      for (int i = 0; i < units; i++) {
        col[i] = open[i] ? -1 : 0;
      }
    } else if (var <= units) {
      col[var - 1] = -1;
    } else {
      int[] r = columnRows.get(var - units - 1);
      double[] c = columnCoefs.get(var - units - 1);
      for (int k = 0; k < r.length; k++) {
        col[r[k]] = c[k];
      }
    }
    return col;
  }

  private void markBasic() {
    Arrays.fill(basic, false);
    for (int v : basis) {
      basic[v] = true;
    }
  }

  /**
   * Inverts the basis from scratch and recomputes x. Basic slacks are unit columns: with the rows
   * of basic slacks S and the others R, and the structural basic columns (t and panels) split into
   * their parts A_S and A_R on those rows, the inverse is {@code [-I, A_S A_R⁻¹]} on the slacks'
   * positions and {@code [0, A_R⁻¹]} on the structural ones, so only A_R (as many rows as basic
   * structural columns, usually well under m) is inverted, by Gauss-Jordan with partial pivoting.
   */
  private void reinvert() {
    int[] slackRow = new int[m];
    int[] rowIndex = new int[m];
    Arrays.fill(rowIndex, -1);
    boolean[] slackBasic = new boolean[m];
    int structural = 0;
    for (int j = 0; j < m; j++) {
      int v = basis[j];
      if (v >= 1 && v <= units) {
        slackRow[j] = v - 1;
        slackBasic[v - 1] = true;
      } else {
        slackRow[j] = -1;
        structural++;
      }
    }
    int[] rowsR = new int[structural];
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (!slackBasic[i]) {
        if (k == structural) {
          throw new IllegalStateException("Stage simplex: singular basis.");
        }
        rowIndex[i] = k;
        rowsR[k++] = i;
      }
    }
    if (k != structural) {
      throw new IllegalStateException("Stage simplex: singular basis.");
    }
    int[] positionsR = new int[structural];
    double[][] a = new double[structural][structural];
    k = 0;
    for (int j = 0; j < m; j++) {
      if (slackRow[j] < 0) {
        double[] col = column(basis[j]);
        for (int i = 0; i < m; i++) {
          if (col[i] != 0 && rowIndex[i] >= 0) {
            a[rowIndex[i]][k] = col[i];
          }
        }
        positionsR[k++] = j;
      }
    }
    double[][] inv = invert(a);
    double[][] full = new double[m][];
    for (int j = 0; j < m; j++) {
      full[j] = new double[m];
    }
    for (int q = 0; q < structural; q++) {
      double[] target = full[positionsR[q]];
      double[] source = inv[q];
      for (int r = 0; r < structural; r++) {
        target[rowsR[r]] = source[r];
      }
    }
    int[] positionOfSlackRow = new int[m];
    for (int j = 0; j < m; j++) {
      if (slackRow[j] >= 0) {
        positionOfSlackRow[slackRow[j]] = j;
        full[j][slackRow[j]] = -1;
      }
    }
    for (int q = 0; q < structural; q++) {
      double[] col = column(basis[positionsR[q]]);
      double[] source = inv[q];
      for (int i = 0; i < m; i++) {
        if (col[i] != 0 && slackBasic[i]) {
          double c = col[i];
          double[] target = full[positionOfSlackRow[i]];
          for (int r = 0; r < structural; r++) {
            target[rowsR[r]] += c * source[r];
          }
        }
      }
    }
    inverse = full;
    reducedStale = true;
    reinversions++;
    sinceReinvert = 0;
    recomputeX();
  }

  /** Gauss-Jordan inversion with partial pivoting; a is destroyed. */
  private static double[][] invert(double[][] a) {
    int n = a.length;
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      inv[i][i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int i = c + 1; i < n; i++) {
        if (Math.abs(a[i][c]) > Math.abs(a[p][c])) {
          p = i;
        }
      }
      if (Math.abs(a[p][c]) < 1e-11) {
        throw new IllegalStateException("Stage simplex: singular basis.");
      }
      double[] t = a[p];
      a[p] = a[c];
      a[c] = t;
      t = inv[p];
      inv[p] = inv[c];
      inv[c] = t;
      double d = a[c][c];
      double[] ac = a[c];
      double[] ic = inv[c];
      for (int k = 0; k < n; k++) {
        ac[k] /= d;
        ic[k] /= d;
      }
      for (int i = 0; i < n; i++) {
        double f = a[i][c];
        if (i != c && f != 0) {
          double[] ai = a[i];
          double[] ii = inv[i];
          for (int k = c; k < n; k++) {
            ai[k] -= f * ac[k];
          }
          for (int k = 0; k < n; k++) {
            ii[k] -= f * ic[k];
          }
        }
      }
    }
    return inv;
  }

  private void recomputeX() {
    x = new double[m];
    for (int i = 0; i < m; i++) {
      double s = 0;
      double[] row = inverse[i];
      for (int k = 0; k < m; k++) {
        s += row[k] * rhs[k];
      }
      x[i] = s;
    }
    for (int i = 0; i < m; i++) {
      if (x[i] < -1e-7) {
        throw new IllegalStateException("Stage simplex: basis lost feasibility (" + x[i] + ").");
      }
      if (x[i] < 0) {
        x[i] = 0;
      }
    }
  }

  /**
   * @return the value of t (the stage's lowest probability among open units)
   */
  double t() {
    for (int i = 0; i < m; i++) {
      if (basis[i] == 0) {
        return x[i];
      }
    }
    return 0;
  }

  /**
   * Dual weights per unit of the model ({@code π_u = -y_u}, clipped at 0; 0 for units with no row).
   *
   * @return weights
   */
  double[] unitWeights() {
    double[] y = multipliers();
    double[] w = new double[rowOfUnit.length];
    for (int u = 0; u < w.length; u++) {
      if (rowOfUnit[u] >= 0) {
        w[u] = Math.max(0, -y[rowOfUnit[u]]);
      }
    }
    return w;
  }

  /**
   * @return ŷ, the dual of the convexity row
   */
  double bound() {
    return multipliers()[units];
  }

  /**
   * Fixes units at a level: their rows lose t and get the level as right-hand side. The current
   * solution stays feasible.
   *
   * @param unitsToFix units of the model
   * @param level their probability
   */
  void fix(List<Integer> unitsToFix, double level) {
    double[] y = multipliers().clone();
    int r = -1;
    for (int i = 0; i < m; i++) {
      if (basis[i] == 0) {
        r = i;
      }
    }
    int w = -1;
    for (int u : unitsToFix) {
      int row = rowOfUnit[u];
      open[row] = false;
      rhs[row] = level;
      if (w < 0 || -y[row] > -y[w]) {
        w = row;
      }
    }
    if (r < 0 || w < 0 || basic[1 + w]) {
      throw new IllegalStateException("Stage simplex: no level to fix.");
    }
    // Fixing the rows with a positive dual makes t's new column depend on the other basic
    // columns (1 - Σ_fixed π = 0). Move along that dependency, raising t, until a basic variable
    // q reaches 0; then t takes q's place and the slack of a fixed row (independent: π_w > 0)
    // takes t's.
    double[] z = ftran(0);
    int q = -1;
    double theta = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      if (i != r && z[i] > PIVOT_TOL) {
        double ratio = Math.max(0, x[i]) / z[i];
        if (ratio < theta || ratio == theta && z[i] > z[q]) {
          theta = ratio;
          q = i;
        }
      }
    }
    if (q < 0) {
      throw new IllegalStateException("Stage simplex: no basic variable bounds t.");
    }
    basic[basis[q]] = false;
    basic[0] = false;
    basis[q] = 0;
    basis[r] = 1 + w;
    markBasic();
    Arrays.fill(reference, 1.0);
    reinvert();
  }

  /**
   * @return the weight of each panel column (in the order added), non-negative
   */
  double[] panelWeights() {
    double[] w = new double[columnRows.size()];
    for (int i = 0; i < m; i++) {
      if (basis[i] > units) {
        w[basis[i] - units - 1] = Math.max(0, x[i]);
      }
    }
    return w;
  }
}
