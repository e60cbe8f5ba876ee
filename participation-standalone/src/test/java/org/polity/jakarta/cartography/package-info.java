/**
 * The map served by the standalone runtime: OGC API and HTML pages over HTTP, stored initiatives on
 * H2 and PostgreSQL.
 */
package org.polity.jakarta.cartography;
