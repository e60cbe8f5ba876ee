/** Integration tests of the REST API on a real HTTP server and a real database. */
package org.polity.jakarta.standalone.api;
