/**
 * Tests of the cartography registry, its spatial queries, map layers and the Participedia test
 * importer.
 */
package org.polity.cartography;
