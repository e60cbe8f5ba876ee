package org.polity.cartography;

/**
 * An initiative found near a point, with its great-circle distance.
 *
 * @param initiative the initiative
 * @param metres the distance from the point to the initiative's map geometry, in metres (0 inside
 *     its area)
 */
public record Nearby(Initiative initiative, double metres) {}
