/**
 * Participatory processes: a {@link org.polity.process.ParticipatoryProcess} (an edition of a
 * participatory budget, a consultation, an assembly) with its {@link
 * org.polity.process.ProcessRules} and ordered {@link org.polity.process.Phase}s, which say which
 * {@link org.polity.process.ParticipationAction}s are allowed when. A {@link
 * org.polity.process.PhaseCalendar} answers "which phase now?" from an injected clock and records
 * the phase moves; {@link org.polity.process.ProcessTemplates} holds ready-made phase sequences.
 * Expected refusals are {@link org.polity.process.Outcome} values.
 */
package org.polity.process;
