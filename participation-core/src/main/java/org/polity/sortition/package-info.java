/**
 * Citizens' assemblies drawn by lot: a {@link org.polity.sortition.Pool} of respondents, the {@link
 * org.polity.sortition.Quota quotas} and the {@link org.polity.sortition.HouseholdRule} of a {@link
 * org.polity.sortition.SelectionProblem}, the selection algorithms (legacy greedy, maximin,
 * LEXIMIN) run by {@link org.polity.sortition.Sortition}, the published {@link
 * org.polity.sortition.Lottery} and its verifiable {@link org.polity.sortition.PublicDraw}, {@link
 * org.polity.sortition.Replacements}, {@link org.polity.sortition.Invitations} and the per-draw
 * {@link org.polity.sortition.DrawReport}.
 */
package org.polity.sortition;
