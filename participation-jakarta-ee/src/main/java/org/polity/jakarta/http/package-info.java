/**
 * HTTP plumbing shared by every capability's REST resources: identifiers in paths ({@link
 * org.polity.jakarta.http.ApiIds}), the request's language ({@link
 * org.polity.jakarta.http.Languages}), strict JSON bodies ({@link
 * org.polity.jakarta.http.RequestBodies}), ETags and {@code If-Match} ({@link
 * org.polity.jakarta.http.ETags}) and the JSON-P provider ({@link org.polity.jakarta.http.Jsonp}).
 * It knows no capability.
 */
package org.polity.jakarta.http;
