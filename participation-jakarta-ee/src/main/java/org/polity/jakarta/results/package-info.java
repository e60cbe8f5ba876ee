/**
 * Results of the votes: {@link org.polity.jakarta.results.ResultsService} counts a budget's counted
 * ballots with the counting rule its process names (core's {@code org.polity.counting}), fast
 * enough for live results on a national-scale vote, and publishes a process's results (the
 * aggregate root is the process: publication proclaims in its edition and stores each budget's
 * results as published). {@link org.polity.jakarta.results.ResultsJson} writes them with their
 * explanations in French, Dutch and English.
 */
package org.polity.jakarta.results;
