/**
 * Reusable test fixtures, shipped in core's test jar for other modules: a clock tests move by hand,
 * sample editions (the shared-budget pattern of DOMAIN.md, dated in 2027), participant-key secrets
 * for tests, and the location of the shared real data.
 */
package org.polity.testing;
