/** Tests of the standalone runtime's token sign-in. */
package org.polity.jakarta.standalone.auth;
