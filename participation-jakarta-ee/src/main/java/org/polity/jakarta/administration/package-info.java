/**
 * Administration: the effective, non-secret settings ({@code /api/v1/admin}), read through {@link
 * org.polity.jakarta.administration.AdministrationService} by administrators.
 */
package org.polity.jakarta.administration;
