/**
 * Reusable test fixtures, shipped in core's test jar for other modules: a clock tests move by
 * hand, and sample editions (the shared-budget pattern of DOMAIN.md, dated in 2027).
 */
package org.polity.testing;
