/**
 * The Pabulib {@code .pb} file format (META, PROJECTS, VOTES): reading with line-numbered errors,
 * writing, conversion to a countable {@link org.polity.counting.Election}, and export of an
 * edition's anonymised ballots so that anyone can recount with independent tools.
 */
package org.polity.pabulib;
