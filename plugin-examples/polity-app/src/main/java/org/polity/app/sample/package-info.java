/**
 * The fictional municipality {@code polity serve --sample} loads into an empty portal, through the
 * adapter's application services. Sample data lives here, never in the core or the adapter.
 */
package org.polity.app.sample;
