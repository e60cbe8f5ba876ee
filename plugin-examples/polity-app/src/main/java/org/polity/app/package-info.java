/**
 * The self-hosted Polity application: the {@code polity} command line ({@code demo}, {@code tally},
 * {@code serve}, {@code sortition}, {@code recount}) built on the public API of the core and the
 * Jakarta EE adapter.
 */
package org.polity.app;
