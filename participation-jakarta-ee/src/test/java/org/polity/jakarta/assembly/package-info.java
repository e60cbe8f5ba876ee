/** Tests of an assembly's pool: the service on a real H2 database. */
package org.polity.jakarta.assembly;
