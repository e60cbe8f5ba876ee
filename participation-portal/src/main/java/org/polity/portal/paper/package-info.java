/**
 * The printable forms of the paper channel: the paper ballot of a budget and the paper idea form of
 * an edition, as PDF in French, Dutch and English ({@link org.polity.portal.paper.PaperForms}), and
 * the pages that hand them out ({@link org.polity.portal.paper.PaperPages}).
 */
package org.polity.portal.paper;
