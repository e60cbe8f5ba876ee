/**
 * The signed-in user as the API sees them ({@code /api/v1/me}): {@link
 * org.polity.jakarta.identity.CurrentUserService} tells whether a caller is signed in and their
 * Polity roles.
 */
package org.polity.jakarta.identity;
