/** Tests of the ballot box's JSON form and CDI wiring. */
package org.polity.jakarta.voting;
