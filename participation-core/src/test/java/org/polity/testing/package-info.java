/** Test fixtures reusable by other modules through core's test jar: a mutable clock, test keys. */
package org.polity.testing;
