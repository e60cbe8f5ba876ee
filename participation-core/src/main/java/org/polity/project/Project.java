package org.polity.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;

/**
 * A project (an idea) of an edition, as it stands: an immutable snapshot. It is changed only by its
 * {@link Edition}, which replaces the snapshot with a new one, so holding a {@code Project} never
 * shows a half-applied change.
 *
 * <p>Its {@link #history()} of {@link StatusChange}s is the project's public follow-up; it starts
 * with the submission and ends with the current {@link #status()}.
 */
public final class Project {

  private final ProjectId id;
  private final ProcessId processId;
  private final ProjectProposal proposal;
  private final Instant submittedAt;
  private final List<StatusChange> history;
  private final FeasibilityReview review;
  private final ProjectId mergedInto;
  private final List<ProjectId> mergedFrom;
  private final Progress progress;

  Project(
      ProjectId id,
      ProcessId processId,
      ProjectProposal proposal,
      Instant submittedAt,
      List<StatusChange> history,
      FeasibilityReview review,
      ProjectId mergedInto,
      List<ProjectId> mergedFrom,
      Progress progress) {
    this.id = Objects.requireNonNull(id, "id");
    this.processId = Objects.requireNonNull(processId, "processId");
    this.proposal = Objects.requireNonNull(proposal, "proposal");
    this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
    this.history = List.copyOf(history);
    if (this.history.isEmpty()) {
      throw new IllegalArgumentException(
          "Project " + id + " has no history: it starts with its submission.");
    }
    this.review = review;
    this.mergedInto = mergedInto;
    this.mergedFrom = List.copyOf(mergedFrom);
    this.progress = progress;
  }

  /**
   * A project read back from storage, as {@link Edition#restore} needs it. The history must start
   * with the submission and each change must leave from the status the previous one reached.
   *
   * @param id the id
   * @param processId the process
   * @param proposal the idea as submitted
   * @param submittedAt when
   * @param history the status changes, oldest first
   * @param review the feasibility review, if recorded
   * @param mergedInto the project it was merged into, if merged
   * @param mergedFrom the duplicates merged into it
   * @param progress the published progress, if any
   * @return the project
   * @throws IllegalArgumentException if the history is empty or does not chain
   */
  public static Project restore(
      ProjectId id,
      ProcessId processId,
      ProjectProposal proposal,
      Instant submittedAt,
      List<StatusChange> history,
      Optional<FeasibilityReview> review,
      Optional<ProjectId> mergedInto,
      List<ProjectId> mergedFrom,
      Optional<Progress> progress) {
    ProjectStatus previous = null;
    for (StatusChange change : history) {
      if (change.from() != previous) {
        throw new IllegalArgumentException(
            "The history of project "
                + id
                + " does not chain: a change from "
                + change.from()
                + " follows "
                + previous
                + "; give the changes oldest first, starting with the submission.");
      }
      previous = change.to();
    }
    return new Project(
        id,
        processId,
        proposal,
        submittedAt,
        history,
        review.orElse(null),
        mergedInto.orElse(null),
        mergedFrom,
        progress.orElse(null));
  }

  /**
   * The project's id.
   *
   * @return the id
   */
  public ProjectId id() {
    return id;
  }

  /**
   * The process (edition) the project belongs to.
   *
   * @return the process id
   */
  public ProcessId processId() {
    return processId;
  }

  /**
   * The proposal as submitted (title, description, themes, cost, location, authors, channel).
   *
   * @return the proposal
   */
  public ProjectProposal proposal() {
    return proposal;
  }

  /**
   * The title.
   *
   * @return the title
   */
  public LocalizedText title() {
    return proposal.title();
  }

  /**
   * The theme ids.
   *
   * @return the themes
   */
  public Set<String> themes() {
    return proposal.themes();
  }

  /**
   * The district, if any.
   *
   * @return the district
   */
  public Optional<String> district() {
    return proposal.district();
  }

  /**
   * The channel it came through.
   *
   * @return the channel
   */
  public Channel channel() {
    return proposal.channel();
  }

  /**
   * The authors' estimated cost.
   *
   * @return the estimate
   */
  public Money estimatedCost() {
    return proposal.estimatedCost();
  }

  /**
   * The cost that counts: the services' estimate once reviewed, the authors' before.
   *
   * @return the cost
   */
  public Money cost() {
    return review == null ? proposal.estimatedCost() : review.costEstimate();
  }

  /**
   * When it was submitted.
   *
   * @return the instant
   */
  public Instant submittedAt() {
    return submittedAt;
  }

  /**
   * The current status.
   *
   * @return the status
   */
  public ProjectStatus status() {
    return history.get(history.size() - 1).to();
  }

  /**
   * The public follow-up: every status change, oldest first.
   *
   * @return the history
   */
  public List<StatusChange> history() {
    return history;
  }

  /**
   * The last status change.
   *
   * @return the change that led to the current status
   */
  public StatusChange lastChange() {
    return history.get(history.size() - 1);
  }

  /**
   * The feasibility review, once recorded.
   *
   * @return the review
   */
  public Optional<FeasibilityReview> review() {
    return Optional.ofNullable(review);
  }

  /**
   * The project this one was merged into, if it was a duplicate.
   *
   * @return the project id
   */
  public Optional<ProjectId> mergedInto() {
    return Optional.ofNullable(mergedInto);
  }

  /**
   * The duplicates merged into this project.
   *
   * @return their ids, in merge order
   */
  public List<ProjectId> mergedFrom() {
    return mergedFrom;
  }

  /**
   * The realisation's progress, once reported.
   *
   * @return the progress
   */
  public Optional<Progress> progress() {
    return Optional.ofNullable(progress);
  }

  Project moved(StatusChange change) {
    List<StatusChange> longer = new ArrayList<>(history);
    longer.add(change);
    return new Project(
        id, processId, proposal, submittedAt, longer, review, mergedInto, mergedFrom, progress);
  }

  Project reviewed(FeasibilityReview newReview, StatusChange change) {
    return new Project(
        id,
        processId,
        proposal,
        submittedAt,
        append(change),
        newReview,
        mergedInto,
        mergedFrom,
        progress);
  }

  Project merged(ProjectId target, StatusChange change) {
    return new Project(
        id, processId, proposal, submittedAt, append(change), review, target, mergedFrom, progress);
  }

  Project absorbed(ProjectId duplicate) {
    List<ProjectId> more = new ArrayList<>(mergedFrom);
    more.add(duplicate);
    return new Project(
        id, processId, proposal, submittedAt, history, review, mergedInto, more, progress);
  }

  Project withProgress(Progress newProgress, StatusChange change) {
    List<StatusChange> longer = change == null ? history : append(change);
    return new Project(
        id, processId, proposal, submittedAt, longer, review, mergedInto, mergedFrom, newProgress);
  }

  private List<StatusChange> append(StatusChange change) {
    List<StatusChange> longer = new ArrayList<>(history);
    longer.add(change);
    return longer;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Project p
        && id.equals(p.id)
        && processId.equals(p.processId)
        && proposal.equals(p.proposal)
        && submittedAt.equals(p.submittedAt)
        && history.equals(p.history)
        && Objects.equals(review, p.review)
        && Objects.equals(mergedInto, p.mergedInto)
        && mergedFrom.equals(p.mergedFrom)
        && Objects.equals(progress, p.progress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, history.size(), status());
  }

  @Override
  public String toString() {
    return "Project[" + id + ", " + status() + ", " + proposal.title().original() + "]";
  }
}
