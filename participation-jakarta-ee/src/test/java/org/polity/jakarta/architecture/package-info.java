/** Architecture rules of the adapter. */
package org.polity.jakarta.architecture;
