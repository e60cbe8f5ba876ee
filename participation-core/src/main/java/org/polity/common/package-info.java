/**
 * Value types shared by every capability of Polity: multilingual text, amounts of money and the
 * identifiers by which aggregates refer to each other.
 */
package org.polity.common;
