/**
 * Cartography: a registry of participatory initiatives (aggregate root {@link
 * org.polity.cartography.Initiative}, kept by {@link org.polity.cartography.InitiativeRegistry}),
 * moderated by staff, with spatial queries over a spatial index, and {@link
 * org.polity.cartography.MapLayer}s (initiatives, projects of an edition, districts) that an
 * adapter serves as GeoJSON, for instance through OGC API – Features.
 */
package org.polity.cartography;
