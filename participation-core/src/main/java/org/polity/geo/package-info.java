/**
 * Geography: points in WGS 84 lon/lat, named areas (municipalities, districts) with fast point
 * location, and an RFC 7946 GeoJSON reader built on Jackson and JTS that refuses invalid
 * geometries with the feature and the reason. The cartography capability builds on it.
 */
package org.polity.geo;
