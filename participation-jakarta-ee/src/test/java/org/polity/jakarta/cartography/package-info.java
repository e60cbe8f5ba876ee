/**
 * Tests of the map over HTTP: OGC API – Features (with the real GDAL client) and initiative
 * moderation.
 */
package org.polity.jakarta.cartography;
