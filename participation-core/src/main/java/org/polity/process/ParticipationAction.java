package org.polity.process;

/**
 * What a person can do in a participatory process. Each phase says which of these it allows, and an
 * eligibility rule says who may do each.
 */
public enum ParticipationAction {
  /** Submit an idea or a project. */
  SUBMIT,
  /** Comment on an idea, a project or a proposal. */
  COMMENT,
  /** Support (endorse) an idea before the vote. */
  SUPPORT,
  /** Review ideas for feasibility and cost (municipal services). */
  REVIEW,
  /** Cast a ballot. */
  VOTE,
  /** See the results of a vote. */
  SEE_RESULTS,
  /** Answer a survey or a consultation's questionnaire. */
  ANSWER_SURVEY,
  /** Be drawn by lot for a citizens' assembly. */
  BE_DRAWN
}
