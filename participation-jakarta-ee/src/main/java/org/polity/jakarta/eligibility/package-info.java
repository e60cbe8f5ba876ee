/**
 * Eligibility in the adapter ({@link org.polity.jakarta.eligibility.EligibilityService}, the
 * application service, which takes a {@link org.polity.jakarta.security.Caller}): who may vote,
 * submit or support in a process, decided by core's {@link
 * org.polity.eligibility.EligibilityPolicy} from the evidence the host portal supplies through
 * {@link org.polity.jakarta.eligibility.EvidenceProvider}. {@link
 * org.polity.jakarta.eligibility.EligibilityRules} reads a process's rules from JSON, and {@link
 * org.polity.jakarta.eligibility.DecisionJson} writes decisions with their reasons and remedies in
 * the reader's language.
 */
package org.polity.jakarta.eligibility;
