/**
 * The Jakarta EE adapter: embeds Polity in an existing Jakarta EE portal as CDI beans, a Jakarta
 * REST API under {@code /api/v1}, Jakarta Persistence storage migrated by Flyway, and settings read
 * through MicroProfile Config. {@link org.polity.jakarta.PolityApplication} lists every resource
 * and provider; a portal subclasses it with its own {@code @ApplicationPath}.
 */
package org.polity.jakarta;
