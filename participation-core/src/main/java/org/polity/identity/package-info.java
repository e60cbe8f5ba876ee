/**
 * Identity and privacy: pseudonymous participant keys (HMAC-SHA-256 of the identifier that proves
 * uniqueness, with a rotatable secret), the coarse profile kept for statistics, and the retention
 * policy for the personal evidence used to decide eligibility. The identifier itself is never
 * stored.
 */
package org.polity.identity;
