/**
 * Geography: points and boxes in WGS 84 lon/lat (a box may cross the antimeridian), named areas
 * (municipalities, districts) with fast point location, and an RFC 7946 GeoJSON reader and writer
 * (right-hand rule, no crs) built on Jackson and JTS that refuse invalid geometries with the
 * feature and the reason. The cartography capability builds on it.
 */
package org.polity.geo;
