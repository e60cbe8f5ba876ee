/** Tests of the problem documents. */
package org.polity.jakarta.problem;
