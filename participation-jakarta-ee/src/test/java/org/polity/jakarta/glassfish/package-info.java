/**
 * The adapter deployed on a full Jakarta EE 10 server (GlassFish embedded) as a portal's WAR, the
 * proof of docs/embedding.md.
 */
package org.polity.jakarta.glassfish;
