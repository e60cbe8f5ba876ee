/**
 * HTTP plumbing shared by every capability's REST resources: identifiers in paths ({@link
 * org.polity.jakarta.http.ApiIds}), the request's language ({@link
 * org.polity.jakarta.http.Languages}), strict JSON bodies ({@link
 * org.polity.jakarta.http.RequestBodies}), ETags and {@code If-Match} ({@link
 * org.polity.jakarta.http.ETags}), the JSON-P provider ({@link org.polity.jakarta.http.Jsonp}), and
 * the hardening every request goes through: bounded bodies and JSON objects only ({@link
 * org.polity.jakarta.http.RequestLimits}), security headers ({@link
 * org.polity.jakarta.http.SecurityHeaders}), per-client rate limits of {@link
 * org.polity.jakarta.http.RateLimited} methods ({@link org.polity.jakarta.http.RateLimits}), with
 * their settings in {@link org.polity.jakarta.http.HttpCapability}. It knows no other capability.
 */
package org.polity.jakarta.http;
