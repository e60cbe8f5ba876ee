/**
 * Internals of sortition: the respondent types ("units") model, column generation for maximin and
 * LEXIMIN over ojAlgo, the legacy greedy method, rounding to a lottery, and quota relaxation. Not
 * API: may change at any time.
 */
package org.polity.sortition.internal;
