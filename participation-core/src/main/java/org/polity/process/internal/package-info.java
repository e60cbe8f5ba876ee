/**
 * Implementation details of processes and projects, not part of the API: reading the French, Dutch
 * and English texts from the resource bundles.
 */
package org.polity.process.internal;
