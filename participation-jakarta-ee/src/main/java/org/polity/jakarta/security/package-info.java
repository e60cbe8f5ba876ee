/**
 * Who may do what. The identity comes from the host portal through the standard Jakarta REST {@link
 * jakarta.ws.rs.core.SecurityContext}; {@link org.polity.jakarta.security.RoleMappingFilter}
 * translates the portal's role names into Polity's roles ({@link
 * org.polity.jakarta.security.PolityRole}) as configured, and {@link
 * org.polity.jakarta.security.RolesAllowedFeature} enforces the {@code @RolesAllowed} and
 * {@code @PermitAll} that every endpoint declares. The standalone server, which has no portal,
 * fills the security context from OpenID Connect access tokens ({@code
 * org.polity.jakarta.standalone.auth.BearerTokenFilter}) and maps their roles the same way.
 */
package org.polity.jakarta.security;
