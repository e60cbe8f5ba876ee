/**
 * The adapter's extension points. {@link org.polity.jakarta.spi.Capability} is how a capability
 * (built in or a plugin's) declares itself: resources, permissions, settings, migrations and
 * entities, collected by the application at start-up.
 */
package org.polity.jakarta.spi;
