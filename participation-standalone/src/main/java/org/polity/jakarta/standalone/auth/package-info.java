/**
 * Sign-in for the standalone server in production: OpenID Connect access tokens (signed JWTs from
 * the agency's identity provider: Keycloak, Entra ID, FAS/CSAM through a broker), verified locally
 * with Nimbus JOSE+JWT against the provider's published keys. {@link
 * org.polity.jakarta.standalone.auth.BearerTokenFilter} turns a valid {@code Authorization: Bearer}
 * token into the request's security context (principal and token roles), which the role mapping
 * then translates into Polity's roles; an invalid token is answered 401 with a problem document.
 */
package org.polity.jakarta.standalone.auth;
