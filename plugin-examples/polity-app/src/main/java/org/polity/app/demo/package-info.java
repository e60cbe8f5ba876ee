/**
 * The sample edition played by {@code polity demo}: its data (a municipality, its rules, a dozen
 * ideas in French, Dutch and English), a clock the script moves, the counting step, and the script
 * that plays the edition and prints its timeline. Sample data lives here, never in the core.
 */
package org.polity.app.demo;
