/**
 * The Jakarta EE adapter: embeds Polity in an existing Jakarta EE portal as CDI beans, a Jakarta
 * REST API under {@code /api/v1}, Jakarta Persistence storage migrated by Flyway, and settings read
 * through MicroProfile Config. One package per capability, each declaring itself with a {@link
 * org.polity.jakarta.spi.Capability} descriptor; {@link org.polity.jakarta.PolityApplication}
 * mounts the resources of every capability collected and the providers; a portal subclasses it with
 * its own {@code @ApplicationPath}.
 */
package org.polity.jakarta;
