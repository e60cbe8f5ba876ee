/** Tests of the settings and their start-up errors. */
package org.polity.jakarta.config;
