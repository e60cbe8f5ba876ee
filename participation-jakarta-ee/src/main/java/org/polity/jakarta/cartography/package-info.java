/**
 * The map over HTTP: OGC API – Features (Part 1 Core, GeoJSON, OpenAPI 3.0) under {@code /ogc}
 * serving core's {@link org.polity.cartography.MapLayer}s, and the REST endpoints where organisers
 * propose initiatives and moderators publish or reject them ({@code /api/v1/initiatives}).
 */
package org.polity.jakarta.cartography;
