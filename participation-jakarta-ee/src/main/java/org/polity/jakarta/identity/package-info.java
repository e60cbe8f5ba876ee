/** The signed-in user as the API sees them: roles and participant key ({@code /api/v1/me}). */
package org.polity.jakarta.identity;
