/**
 * Errors as RFC 9457 problem documents ({@code application/problem+json}). {@link
 * org.polity.jakarta.problem.ProblemMappers} is the one place where every exception becomes a
 * problem: invalid input and unknown fields (400, with the offending fields), missing resources
 * (404), domain refusals (409 or 422), and anything unexpected (500, never with a stack trace).
 */
package org.polity.jakarta.problem;
