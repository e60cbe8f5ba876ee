/**
 * Eligibility: who may submit, comment, support, vote, answer a survey or be drawn in a process.
 * {@link org.polity.eligibility.EligibilityRule}s built from {@link org.polity.eligibility.Rules}
 * (age on a reference date, residence by municipality, postal code or point in an area, census
 * membership, verification level) decide on the {@link org.polity.eligibility.Evidence} about a
 * person and answer with a {@link org.polity.eligibility.Decision} that lists every reason in
 * French, Dutch and English.
 */
package org.polity.eligibility;
