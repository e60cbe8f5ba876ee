/**
 * The self-hosted portal: pages for residents and staff on the adapter's application services,
 * declared as one capability ({@link org.polity.portal.PortalCapability}). Pages only translate
 * HTTP and forms into calls of the services that the REST API calls, so every rule (eligibility,
 * phase, ballot form, permission) applies to the pages the same way.
 */
package org.polity.portal;
