/**
 * The map over HTTP: OGC API – Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0) under {@code
 * /ogc} serving core's {@link org.polity.cartography.MapLayer}s (HTML pages with a Leaflet map,
 * Leaflet served from its WebJar by {@link org.polity.jakarta.cartography.OgcAssetsResource}), and
 * the REST endpoints where organisers propose and edit initiatives and moderators publish or reject
 * them ({@code /api/v1/initiatives}). Application service: {@link
 * org.polity.jakarta.cartography.Initiatives}, which stores initiatives in the database (migration
 * V3) and serves them from core's in-memory registry, kept in step with the other nodes by a change
 * counter; its use cases take a {@link org.polity.jakarta.security.Caller} and return {@link
 * org.polity.jakarta.problem.Result}s. Initiatives are stored in their own format ({@code
 * StoredInitiatives}, with a schema version), apart from the REST format ({@code InitiativeJson}).
 */
package org.polity.jakarta.cartography;
