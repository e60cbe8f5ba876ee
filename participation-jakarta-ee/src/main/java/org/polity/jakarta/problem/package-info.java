/**
 * Errors as RFC 9457 problem documents ({@code application/problem+json}). {@link
 * org.polity.jakarta.problem.ProblemMappers} is the one place where every exception becomes a
 * problem: invalid input and unknown fields (400, with the offending fields), missing resources
 * (404), domain refusals (409 or 422), and anything unexpected (500, never with a stack trace).
 * Titles (keyed by problem type code) and details are in French, Dutch or English, following the
 * request's {@code Accept-Language}; a body with several bad members is answered once, each in
 * {@code errors} ({@link org.polity.jakarta.http.FieldErrors} collects them).
 */
package org.polity.jakarta.problem;
