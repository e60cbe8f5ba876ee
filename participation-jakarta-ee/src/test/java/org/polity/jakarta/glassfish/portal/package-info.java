/**
 * A minimal portal packed into the WAR that {@code GlassFishEmbeddingTest} deploys: it mounts
 * Polity's REST API and signs its users in with Jakarta Security. These classes run inside
 * GlassFish, never on the test class path's own runtime.
 */
package org.polity.jakarta.glassfish.portal;
