/**
 * Participatory processes: a process (an edition of a participatory budget, a consultation, an
 * assembly) and its ordered phases, which say which {@link org.polity.process.ParticipationAction}s
 * are allowed when.
 */
package org.polity.process;
