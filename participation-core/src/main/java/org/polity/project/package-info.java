/**
 * Projects (ideas) of a participatory budget edition and their life: submission online, on paper or
 * by an assembly, feasibility review, merging of duplicates, ballot, selection, realisation and
 * public follow-up. The aggregate root is {@link org.polity.project.Project}, an immutable snapshot
 * changed only through the in-memory application service {@link org.polity.project.Edition}; {@link
 * org.polity.project.SummaryTable} exports the projects to CSV.
 */
package org.polity.project;
