package org.polity.jakarta.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.eligibility.Decision;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.Outcome;
import org.polity.process.ParticipationAction;
import org.polity.project.Channel;
import org.polity.project.Edition;
import org.polity.project.FeasibilityReview;
import org.polity.project.IdeaFate;
import org.polity.project.Progress;
import org.polity.project.Project;
import org.polity.project.ProjectPage;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectQuery;
import org.polity.project.ProjectStatus;
import org.polity.project.SummaryTable;

/**
 * The application service of projects (ideas): submit one online (participants, under the process's
 * SUBMIT rules), encode a paper form (encoders), list them ({@link ProjectQuery}), read one and
 * what happened to it, and the staff's work (status moves, review, merge, progress, results, the
 * CSV summary). The REST resource ({@link ProjectResource}) and a host portal call it the same way;
 * it works through {@link Processes}, the machinery it shares with {@link ProcessService} (loading,
 * locking, versions, events after the commit).
 *
 * <p>Outcomes are values ({@link Result}): {@code not-found} (404) for a missing process or
 * project, {@code process-has-no-projects} (409) for a process whose kind has no projects, {@code
 * precondition-required} (428) for a staff update without the version read, {@code
 * precondition-failed} (412) when the project changed since, core's refusals as conflicts (409),
 * {@code not-allowed} (403) for a caller without the role. Malformed input (an unknown theme,
 * district or project in a proposal or a merge) throws {@link InvalidInputException}.
 */
@ApplicationScoped
public class ProjectService {

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(ProjectService.class);

  /** The statuses a staff member may move a project to with {@link #move}. */
  public static final Set<ProjectStatus> STAFF_MOVES =
      Set.of(
          ProjectStatus.UNDER_REVIEW,
          ProjectStatus.ON_BALLOT,
          ProjectStatus.NOT_FEASIBLE,
          ProjectStatus.IN_PROGRESS,
          ProjectStatus.REALISED,
          ProjectStatus.ABANDONED);

  private static final PolityRole[] STAFF = {PolityRole.REVIEWER, PolityRole.ADMINISTRATOR};

  @Inject Processes processes;
  @Inject ProcessService processService;
  @Inject org.polity.jakarta.eligibility.EligibilityService eligibility;
  @Inject ResultsService results;
  @Inject org.polity.identity.ParticipantKeyer keyer;

  /** Creates the service; CDI calls it. */
  public ProjectService() {}

  /**
   * A project as read, with its version (the ETag of staff updates).
   *
   * @param project the project
   * @param version its version
   * @param full whether the reader sees everything (residents' ages): staff and authors
   */
  public record ProjectView(Project project, long version, boolean full) {}

  /**
   * A page of projects, with their versions.
   *
   * @param page the page
   * @param versions the version of each project on it
   */
  public record Listing(ProjectPage page, Map<ProjectId, Long> versions) {
    /** Copies the versions. */
    public Listing {
      versions = Map.copyOf(versions);
    }
  }

  /**
   * What happened to an idea.
   *
   * @param project the project, with its public history
   * @param fate its status, since when, why, and its progress
   */
  public record History(Project project, IdeaFate fate) {}

  /**
   * The summary table's contents: the projects and, once votes exist, how many counted ballots name
   * each.
   *
   * @param projects the projects, in submission order
   * @param votes the counts; empty before any ballot
   */
  public record Summary(List<Project> projects, Map<ProjectId, Long> votes) {
    /**
     * Writes the table as CSV.
     *
     * @param options the dialect and language
     * @param out where to write
     * @throws IOException when writing fails
     */
    public void write(SummaryTable.Options options, OutputStream out) throws IOException {
      SummaryTable.write(projects, votes, options, out);
    }
  }

  /**
   * Submits an idea online as the caller, if the phase allows submissions and the process's SUBMIT
   * rules admit the caller.
   *
   * @param caller a participant
   * @param process the process
   * @param proposal the idea (its channel becomes {@link Channel.Online})
   * @param language the reader's language, for the reasons and remedies of an eligibility refusal
   * @return the project; refused with {@code not-eligible} (403) or {@code eligibility-unresolved}
   *     (422), or by the phase (409)
   */
  public Result<ProjectView> submit(
      Caller caller, ProcessId process, ProjectProposal proposal, Locale language) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.PARTICIPANT);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<Processes.Loaded> loaded = processService.read(process);
    if (loaded.refusal().isPresent()) {
      return Result.refused(loaded.refusal().get());
    }
    Result<Decision> eligible =
        eligibility.requireEligible(
            loaded.orElseThrow().definition(), ParticipationAction.SUBMIT, caller, language);
    if (eligible.refusal().isPresent()) {
      return Result.refused(eligible.refusal().get());
    }
    return create(process, via(proposal, new Channel.Online()));
  }

  /**
   * Encodes an idea submitted on a paper form, on its authors' behalf; the caller is recorded as
   * the encoder.
   *
   * @param caller an encoder
   * @param process the process
   * @param proposal the idea as written on the form (its channel becomes the paper form)
   * @return the project; refused by the phase (409)
   */
  public Result<ProjectView> encode(Caller caller, ProcessId process, ProjectProposal proposal) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.ENCODER);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    return create(process, via(proposal, new Channel.PaperForm(caller.name().orElseThrow())));
  }

  /**
   * Encodes an idea that a resident brings to the desk (on paper or by word of mouth), on what the
   * staff member checked about them: the process's SUBMIT rule is applied to the attested evidence
   * ({@link org.polity.jakarta.eligibility.EligibilityService#requireEligibleAtDesk(
   * org.polity.jakarta.process.ProcessDefinition, ParticipationAction,
   * org.polity.identity.ParticipantKey, DeskAttestation, Locale)}), as the desk's paper ballots are
   * checked against the vote's rule; the caller is recorded as the encoder.
   *
   * @param caller an encoder
   * @param process the process
   * @param proposal the idea as the resident gives it
   * @param identifier the resident's identifier as the desk reads it (keyed as their sign-in)
   * @param attested what the staff member checked
   * @param language the reader's language, for the reasons and remedies of a refusal
   * @return the project; refused with {@code identity-not-usable} (422), {@code not-eligible}
   *     (403), {@code eligibility-unresolved} (422), or by the phase (409)
   */
  public Result<ProjectView> encode(
      Caller caller,
      ProcessId process,
      ProjectProposal proposal,
      String identifier,
      DeskAttestation attested,
      Locale language) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.ENCODER);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    org.polity.identity.ParticipantKey resident;
    try {
      resident = keyer.key(identifier == null ? "" : identifier.strip());
    } catch (IllegalArgumentException e) {
      return Result.refused(
          new Refusal(
              Refusal.Kind.RULE,
              "identity-not-usable",
              TEXTS.text("desk.identifier.not-usable", String.valueOf(e.getMessage())),
              org.polity.jakarta.http.Jsonp.JSON
                  .createObjectBuilder()
                  .add("field", "identifier")
                  .build()));
    }
    Result<Processes.Loaded> loaded = processService.read(process);
    if (loaded.refusal().isPresent()) {
      return Result.refused(loaded.refusal().get());
    }
    Result<Decision> eligible =
        eligibility.requireEligibleAtDesk(
            loaded.orElseThrow().definition(),
            ParticipationAction.SUBMIT,
            resident,
            attested,
            language);
    if (eligible.refusal().isPresent()) {
      return Result.refused(eligible.refusal().get());
    }
    return create(process, via(proposal, new Channel.PaperForm(caller.name().orElseThrow())));
  }

  private Result<ProjectView> create(ProcessId process, ProjectProposal proposal) {
    Result<ProjectId> created =
        processes.attempt(
            process, null, 0, (em, loaded) -> guard(() -> edition(loaded).submit(proposal)));
    if (created.refusal().isPresent()) {
      return Result.refused(created.refusal().get());
    }
    return view(process, created.orElseThrow(), true);
  }

  private static ProjectProposal via(ProjectProposal proposal, Channel channel) {
    return new ProjectProposal(
        proposal.title(),
        proposal.description(),
        proposal.themes(),
        proposal.estimatedCost(),
        proposal.location(),
        proposal.district(),
        proposal.authors(),
        proposal.attachments(),
        channel);
  }

  /**
   * The projects that a query matches, one page of them.
   *
   * @param process the process
   * @param query the filters, order and page
   * @return the page with the projects' versions
   */
  public Result<Listing> list(ProcessId process, ProjectQuery query) {
    return withEdition(
        process,
        loaded -> {
          ProjectPage page = loaded.edition().find(query);
          Map<ProjectId, Long> versions = new java.util.HashMap<>();
          page.projects().forEach(p -> versions.put(p.id(), loaded.version(p.id())));
          return Result.ok(new Listing(page, versions));
        });
  }

  /**
   * A project, with its version; staff (and administrators) see residents' ages.
   *
   * @param caller the reader
   * @param process the process
   * @param project the project
   * @return the project, or {@code not-found}
   */
  public Result<ProjectView> read(Caller caller, ProcessId process, ProjectId project) {
    return view(process, project, caller.hasAny(PolityRole.STAFF, PolityRole.ADMINISTRATOR));
  }

  private Result<ProjectView> view(ProcessId process, ProjectId project, boolean full) {
    return withEdition(
        process,
        loaded ->
            loaded
                .findVersion(project)
                .map(version -> new ProjectView(loaded.edition().get(project), version, full)));
  }

  /**
   * What happened to an idea: its status, since when and why, with its public history.
   *
   * @param process the process
   * @param project the project
   * @return the history, or {@code not-found}
   */
  public Result<History> history(ProcessId process, ProjectId project) {
    return withEdition(
        process,
        loaded ->
            loaded
                .findVersion(project)
                .map(
                    version ->
                        new History(
                            loaded.edition().get(project),
                            loaded.edition().whatHappened(project))));
  }

  /**
   * Moves a project to another status (reviewers, administrators).
   *
   * @param caller the staff member (recorded as the actor)
   * @param process the process
   * @param project the project
   * @param version the version read ({@code If-Match}), or null
   * @param to one of {@link #STAFF_MOVES}
   * @param why the public reason
   * @return the project with its new version
   * @throws InvalidInputException for a status that is not a staff move
   */
  public Result<ProjectView> move(
      Caller caller,
      ProcessId process,
      ProjectId project,
      Long version,
      ProjectStatus to,
      LocalizedText why) {
    return update(
        caller,
        STAFF,
        process,
        project,
        version,
        (edition, actor) ->
            switch (to) {
              case UNDER_REVIEW -> edition.startReview(project, actor);
              case ON_BALLOT -> edition.putOnBallot(project, actor, why);
              case NOT_FEASIBLE -> edition.declareNotFeasible(project, actor, why);
              case IN_PROGRESS -> edition.startRealisation(project, actor, why);
              case REALISED -> edition.markRealised(project, actor, why);
              case ABANDONED -> edition.abandon(project, actor, why);
              default -> throw InvalidInputException.of("to", ProjectDocuments.staffMoves());
            });
  }

  /**
   * Records the feasibility review of a project under review (reviewers).
   *
   * @param caller the reviewer (recorded as the review's author)
   * @param process the process
   * @param project the project
   * @param version the version read, or null
   * @param review the review
   * @return the project, feasible or not, with its new version
   */
  public Result<ProjectView> review(
      Caller caller, ProcessId process, ProjectId project, Long version, FeasibilityReview review) {
    return update(
        caller,
        new PolityRole[] {PolityRole.REVIEWER},
        process,
        project,
        version,
        (edition, actor) ->
            edition.recordReview(
                project,
                new FeasibilityReview(
                    actor, review.checklist(), review.costEstimate(), review.publicAnswer())));
  }

  /**
   * Merges a duplicate into another project (reviewers, administrators).
   *
   * @param caller the staff member
   * @param process the process
   * @param project the duplicate
   * @param version the duplicate's version read, or null
   * @param into the project that absorbs it
   * @param why the public reason
   * @return the duplicate, merged
   */
  public Result<ProjectView> merge(
      Caller caller,
      ProcessId process,
      ProjectId project,
      Long version,
      ProjectId into,
      LocalizedText why) {
    return update(
        caller,
        STAFF,
        process,
        project,
        version,
        (edition, actor) -> edition.merge(project, into, actor, why),
        into);
  }

  /**
   * Publishes the progress of a project in progress (reviewers, administrators).
   *
   * @param caller the staff member
   * @param process the process
   * @param project the project
   * @param version the version read, or null
   * @param progress the progress
   * @return the project with its new version
   */
  public Result<ProjectView> progress(
      Caller caller, ProcessId process, ProjectId project, Long version, Progress progress) {
    return update(
        caller,
        STAFF,
        process,
        project,
        version,
        (edition, actor) -> edition.reportProgress(project, progress, actor));
  }

  /**
   * Proclaims the results of a vote counted outside Polity (administrators): the listed projects
   * are selected, every other project on the ballot is not.
   *
   * @param caller an administrator
   * @param process the process
   * @param selected the funded projects
   * @param why the public reason
   * @return the projects whose status changed
   */
  public Result<List<Project>> proclaim(
      Caller caller, ProcessId process, Set<ProjectId> selected, LocalizedText why) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    String actor = caller.name().orElseThrow();
    return processes.attempt(
        process,
        null,
        0,
        (em, loaded) -> {
          Edition edition = edition(loaded);
          selected.forEach(loaded::version);
          return guard(() -> edition.proclaim(selected, actor, why));
        });
  }

  /**
   * Counts every budget of the process with its counting rule and publishes the results
   * (administrators), through {@link ResultsService#publish}.
   *
   * @param caller an administrator
   * @param process the process
   * @param why the public reason, or null for one naming the counting rule
   * @return what was published
   */
  public Result<ResultsService.Publication> publish(
      Caller caller, ProcessId process, LocalizedText why) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<Processes.Loaded> loaded = processService.read(process);
    if (loaded.refusal().isPresent()) {
      return Result.refused(loaded.refusal().get());
    }
    Result<Edition> edition = loaded.orElseThrow().withProjects();
    if (edition.refusal().isPresent()) {
      return Result.refused(edition.refusal().get());
    }
    return results.publish(process, caller, why);
  }

  /**
   * The summary table of the projects (staff, moderators, administrators): with the number of
   * counted ballots naming each project once votes exist.
   *
   * @param caller a staff member
   * @param process the process
   * @return the projects and the counts
   */
  public Result<Summary> summary(Caller caller, ProcessId process) {
    Optional<Refusal> forbidden =
        ProcessService.require(
            caller, PolityRole.STAFF, PolityRole.MODERATOR, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<Map.Entry<List<org.polity.common.BudgetId>, List<Project>>> snapshot =
        withEdition(
            process,
            loaded ->
                Result.ok(Map.entry(loaded.definition().budgets(), loaded.edition().projects())));
    if (snapshot.refusal().isPresent()) {
      return Result.refused(snapshot.refusal().get());
    }
    var found = snapshot.orElseThrow();
    Map<ProjectId, Long> votes = results.votes(process, found.getKey());
    java.util.Set<ProjectId> listed = new java.util.HashSet<>();
    found.getValue().forEach(project -> listed.add(project.id()));
    List<String> unknown =
        votes.keySet().stream()
            .filter(id -> !listed.contains(id))
            .map(ProjectId::value)
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      return Result.refused(inconsistent(process, unknown));
    }
    return Result.ok(new Summary(found.getValue(), votes));
  }

  /**
   * The refusal of a summary whose counted ballots name projects the process does not list: a
   * defect (the ballot form keeps such ballots out), reported with an incident number that is
   * logged with the projects, never as a bare 500.
   */
  private static Refusal inconsistent(ProcessId process, List<String> unknown) {
    String incident = java.util.UUID.randomUUID().toString();
    java.util.logging.Logger.getLogger(ProjectService.class.getName())
        .severe(
            "Incident "
                + incident
                + ": counted ballots of process "
                + process.value()
                + " name projects it does not list: "
                + unknown);
    jakarta.json.JsonArrayBuilder projects =
        org.polity.jakarta.http.Jsonp.JSON.createArrayBuilder();
    unknown.forEach(projects::add);
    return new Refusal(
        Refusal.Kind.CONFLICT,
        "export-inconsistent",
        TEXTS.text("summary.inconsistent", process.value(), String.join(", ", unknown), incident),
        org.polity.jakarta.http.Jsonp.JSON
            .createObjectBuilder()
            .add("incident", incident)
            .add("projects", projects)
            .build());
  }

  private Result<ProjectView> update(
      Caller caller,
      PolityRole[] roles,
      ProcessId process,
      ProjectId project,
      Long version,
      BiFunction<Edition, String, Outcome<Project>> work,
      ProjectId... alsoRequired) {
    Optional<Refusal> forbidden = ProcessService.require(caller, roles);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    if (version == null) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.PRECONDITION_REQUIRED,
              "precondition-required",
              Processes.TEXTS.text("precondition-required")));
    }
    String actor = caller.name().orElseThrow();
    Result<Project> changed =
        processes.attempt(
            process,
            project,
            version,
            (em, loaded) -> {
              Edition edition = edition(loaded);
              for (ProjectId other : alsoRequired) {
                loaded.version(other);
              }
              return guard(() -> work.apply(edition, actor));
            });
    if (changed.refusal().isPresent()) {
      return Result.refused(changed.refusal().get());
    }
    return view(process, project, true);
  }

  /** Reads a process that has projects, or says why not. */
  private <T> Result<T> withEdition(ProcessId process, Function<Processes.Loaded, Result<T>> work) {
    Result<Result<T>> found =
        processes.find(
            process,
            loaded -> {
              Result<Edition> edition = loaded.withProjects();
              if (edition.refusal().isPresent()) {
                return Result.<T>refused(edition.refusal().get());
              }
              return work.apply(loaded);
            });
    return found.refusal().isPresent()
        ? Result.refused(found.refusal().get())
        : found.orElseThrow();
  }

  /** The edition of a process that has projects; unwinds the change with the refusal if not. */
  private static Edition edition(Processes.Loaded loaded) {
    return loaded.withProjects().orElseThrow();
  }

  /** Core's misuse errors (unknown theme, district, project) become 400s naming the problem. */
  private static <T> Outcome<T> guard(Supplier<Outcome<T>> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("body", e.getMessage());
    }
  }
}
