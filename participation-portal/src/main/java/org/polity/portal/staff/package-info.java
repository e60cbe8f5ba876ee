/**
 * The portal's pages for staff: the editions and their phase moves, the feasibility review queue,
 * status moves and merges, publishing results and the exports. Every action goes through the
 * adapter's services, which check the caller's role; the pages show a refusal in the reader's
 * language.
 */
package org.polity.portal.staff;
