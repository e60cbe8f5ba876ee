/** Tests that keep the guides' runnable examples in step with the code. */
package org.polity.docs;
