/**
 * The subcommands of the {@code polity} command line. Their options and output are contracts:
 * scripts and the documentation depend on them.
 */
package org.polity.app.cli;
