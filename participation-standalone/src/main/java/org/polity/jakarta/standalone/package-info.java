/**
 * The standalone runtime behind {@code polity serve}: Weld SE, Jersey on Grizzly, SmallRye Config,
 * Health and OpenAPI, Hibernate ORM and the JDBC drivers. The only package that uses them; they are
 * optional dependencies of the adapter, so a portal that embeds Polity never receives them. Sign-in
 * in production is {@link org.polity.jakarta.standalone.auth} (OpenID Connect access tokens);
 * {@link org.polity.jakarta.standalone.DevelopmentAuthenticationFilter} is for development only.
 */
package org.polity.jakarta.standalone;
