/**
 * MicroProfile Health checks. A host portal with MicroProfile Health (Payara, Open Liberty,
 * WildFly) finds them as CDI beans and reports them at its own {@code /health}; the standalone
 * server serves them at {@code /health} through SmallRye Health.
 */
package org.polity.jakarta.health;
