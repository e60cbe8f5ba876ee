package org.polity.process;

/**
 * The kind of a participatory process. The kind is descriptive (it chooses templates and labels);
 * what a process allows at a given time is said by its phases, not by its kind.
 */
public enum ProcessKind {
  /** A participatory budget edition: ideas, review, vote, funded projects and their follow-up. */
  PARTICIPATORY_BUDGET,
  /** A consultation: a questionnaire or a call for contributions on a question of the city. */
  CONSULTATION,
  /** A citizens' assembly drawn by lot that deliberates and recommends. */
  CITIZENS_ASSEMBLY,
  /** A neighbourhood or thematic council that meets over time. */
  COUNCIL,
  /** A satisfaction or perception survey. */
  SURVEY,
  /** Any other process. */
  OTHER;

  /**
   * Whether processes of this kind have projects (ideas submitted, reviewed, put on a ballot): a
   * participatory budget does, and so does {@link #OTHER} (kept as every process was loaded before
   * kinds were told apart). Consultations, assemblies, councils and surveys have no projects: wave
   * 2 gives them their own content (questionnaires, sessions and recommendations).
   *
   * @return whether the kind has projects
   */
  public boolean hasProjects() {
    return this == PARTICIPATORY_BUDGET || this == OTHER;
  }
}
