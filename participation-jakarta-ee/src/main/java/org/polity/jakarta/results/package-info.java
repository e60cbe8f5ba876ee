/**
 * Results of the votes: {@link org.polity.jakarta.results.ResultsService} counts a budget's counted
 * ballots with the counting rule its process names (core's {@code org.polity.counting}), fast
 * enough for live results on a national-scale vote, and publishes a process's results (the
 * aggregate root is the process: publication proclaims in its edition and stores each budget's
 * results as published). {@link org.polity.jakarta.results.ResultsJson} writes them with their
 * explanations in French, Dutch and English for the REST API; {@link
 * org.polity.jakarta.results.PublishedResultsCodec} is the storage format of published results. The
 * service is the use cases' boundary: it takes a {@link org.polity.jakarta.security.Caller} and
 * returns {@link org.polity.jakarta.problem.Result}s; {@code ResultsResource} only translates HTTP.
 */
package org.polity.jakarta.results;
