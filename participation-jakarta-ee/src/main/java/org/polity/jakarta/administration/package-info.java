/** Administration: the effective, non-secret settings ({@code /api/v1/admin}). */
package org.polity.jakarta.administration;
