/** Tests of how the adapter finds plugins. */
package org.polity.jakarta.plugins;
