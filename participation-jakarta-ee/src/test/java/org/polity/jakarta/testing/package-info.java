/** Reusable test fixtures: a running server on a real database and an HTTP client for it. */
package org.polity.jakarta.testing;
