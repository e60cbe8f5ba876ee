/** Tests of the process service's CDI wiring: domain events and plugins in the Weld container. */
package org.polity.jakarta.process;
