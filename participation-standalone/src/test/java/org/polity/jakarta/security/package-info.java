/** Tests of authorisation: every endpoint with every role. */
package org.polity.jakarta.security;
