package org.polity.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.process.Outcome;
import org.polity.process.ParticipationAction;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Phase;
import org.polity.process.PhaseCalendar;
import org.polity.process.PhaseGuard;
import org.polity.process.PhaseMove;
import org.polity.process.ProcessRules;
import org.polity.process.Refusal;

/**
 * One edition of a participatory budget, in memory: its process and phase calendar, and its
 * projects from submission to follow-up. It is the application service an adapter wraps: methods
 * take and return ids and values, time comes from the injected {@link Clock}, and no framework is
 * involved.
 *
 * <p>Requests that the state of the edition may refuse (the phase does not allow it, the status
 * does not allow that move, a resident is too young) return an {@link Outcome}; a refused request
 * changes nothing. Misuse (an unknown project id or theme, a blank actor, a cost in another
 * currency) throws {@link IllegalArgumentException} naming the bad value, and changes nothing
 * either. Every change is recorded in the project's history with who, when and why.
 *
 * <p>The edition guards its calendar. The process cannot leave the last phase allowing {@link
 * ParticipationAction#REVIEW} before the first phase allowing {@link ParticipationAction#VOTE}, nor
 * reach the vote (by opening it or by skipping over it), while projects still wait for their
 * feasibility review: with dates, the review phase is held past its closing date, so the services
 * can finish. Nor can it reach the vote with an empty ballot. Projects can be merged, put on or
 * taken off the ballot only before voting opens, and results recorded only after voting closes.
 *
 * <pre>{@code
 * Edition edition = new Edition(process, clock);
 * ProjectId idea = edition.submit(proposal).orElseThrow();
 * edition.startReview(idea, "service:green-spaces");
 * edition.recordReview(idea, FeasibilityReview.allMet("service:green-spaces", Money.of(12_000, "EUR"), answer));
 * edition.whatHappened(idea).explanation(Locale.FRENCH);
 * }</pre>
 *
 * <p>Instances are thread-safe: changes are serialised, and readers see consistent snapshots.
 */
public final class Edition {

  private static final Texts TEXTS = Texts.of(Edition.class);

  private final ParticipatoryProcess process;
  private final Clock clock;
  private final PhaseCalendar calendar;
  private volatile Map<ProjectId, Project> projects = Map.of();
  private int sequence;

  /**
   * An edition with no project yet, guarded as described above.
   *
   * @param process the process
   * @param clock the clock
   */
  public Edition(ParticipatoryProcess process, Clock clock) {
    this(process, clock, List.of());
  }

  /**
   * An edition with extra phase guards, asked after the edition's own.
   *
   * @param process the process
   * @param clock the clock
   * @param extraGuards more guards for phase moves
   */
  public Edition(ParticipatoryProcess process, Clock clock, List<PhaseGuard> extraGuards) {
    this(process, clock, extraGuards, List.of());
  }

  /**
   * An edition resumed from its stored state (an adapter keeps projects and phase moves in a
   * database and rebuilds the edition for each change): the projects, in submission order, and the
   * phase moves recorded so far. Project ids go on from the number of projects: projects are never
   * removed, only merged, refused or abandoned.
   *
   * @param process the process
   * @param clock the clock
   * @param projects the projects, in submission order; all of this process, ids unique
   * @param phaseHistory the phase moves recorded so far, oldest first
   * @return the edition
   * @throws IllegalArgumentException if a project belongs to another process, an id repeats, or the
   *     phase history does not fit the process
   */
  public static Edition restore(
      ParticipatoryProcess process,
      Clock clock,
      List<Project> projects,
      List<PhaseMove> phaseHistory) {
    Edition edition = new Edition(process, clock, List.of(), phaseHistory);
    Map<ProjectId, Project> restored = new LinkedHashMap<>();
    for (Project project : projects) {
      if (!project.processId().equals(process.id())) {
        throw new IllegalArgumentException(
            "Project "
                + project.id()
                + " belongs to process "
                + project.processId()
                + ", not "
                + process.id()
                + ": restore each edition with its own projects.");
      }
      if (restored.put(project.id(), project) != null) {
        throw new IllegalArgumentException(
            "Project " + project.id() + " is given twice: give each project once.");
      }
    }
    edition.projects = Collections.unmodifiableMap(restored);
    edition.sequence = restored.size();
    return edition;
  }

  private Edition(
      ParticipatoryProcess process,
      Clock clock,
      List<PhaseGuard> extraGuards,
      List<PhaseMove> phaseHistory) {
    this.process = Objects.requireNonNull(process, "process");
    this.clock = Objects.requireNonNull(clock, "clock");
    List<PhaseGuard> guards = new ArrayList<>();
    guards.add(this::guardVote);
    guards.addAll(extraGuards);
    this.calendar = new PhaseCalendar(process, clock, guards, phaseHistory);
  }

  /**
   * The process.
   *
   * @return the process
   */
  public ParticipatoryProcess process() {
    return process;
  }

  /**
   * The phase calendar: current phase, phase moves by staff, history.
   *
   * @return the calendar
   */
  public PhaseCalendar calendar() {
    return calendar;
  }

  /**
   * The amount of the envelope.
   *
   * @return the amount
   */
  public Money envelope() {
    return process.rules().envelope().amount();
  }

  /**
   * Submits an idea. The phase must allow {@link ParticipationAction#SUBMIT} (whatever the channel)
   * and resident authors must be of the edition's minimum age. An idea above the maximum cost per
   * project is accepted: the feasibility review rules on costs, which may change.
   *
   * @param proposal the idea
   * @return the new project's id, or a refusal
   * @throws IllegalArgumentException for an unknown theme or district, or a cost in another
   *     currency
   */
  public synchronized Outcome<ProjectId> submit(ProjectProposal proposal) {
    Objects.requireNonNull(proposal, "proposal");
    ProcessRules rules = process.rules();
    requireSameCurrency(proposal.estimatedCost(), "estimated cost");
    for (String theme : proposal.themes()) {
      if (!rules.hasTheme(theme)) {
        throw new IllegalArgumentException(
            "The theme '"
                + theme
                + "' is not a theme of edition "
                + process.id()
                + ": use one of "
                + rules.themes().keySet()
                + ".");
      }
    }
    if (proposal.themes().isEmpty() && !rules.themes().isEmpty()) {
      throw new IllegalArgumentException(
          "The idea has no theme: give at least one of " + rules.themes().keySet() + ".");
    }
    List<String> districts = process.territory().districts();
    proposal
        .district()
        .ifPresent(
            district -> {
              if (!districts.isEmpty() && !districts.contains(district)) {
                throw new IllegalArgumentException(
                    "The district '"
                        + district
                        + "' is not a district of "
                        + process.territory().code()
                        + ": use one of "
                        + districts
                        + ".");
              }
            });
    for (Author author : proposal.authors()) {
      if (author instanceof Author.Resident resident && resident.age() < rules.minimumAge()) {
        return Outcome.refused(
            new Refusal(
                "project.author-too-young",
                TEXTS.text(
                    "refusal.authorTooYoung",
                    resident.name(),
                    resident.age(),
                    rules.minimumAge())));
      }
    }
    Outcome<Phase> allowed = calendar.check(ParticipationAction.SUBMIT);
    if (allowed.refusal().isPresent()) {
      return Outcome.refused(allowed.refusal().get());
    }
    Instant now = clock.instant();
    ProjectId id = ProjectId.of(String.format(Locale.ROOT, "%s-%03d", process.id(), sequence + 1));
    StatusChange submitted =
        new StatusChange(
            null,
            ProjectStatus.SUBMITTED,
            now,
            proposal.channel().actor(),
            TEXTS.text("why.submitted." + proposal.channel().code()));
    Project project =
        new Project(
            id, process.id(), proposal, now, List.of(submitted), null, null, List.of(), null);
    sequence++;
    put(project);
    return Outcome.done(id);
  }

  /**
   * Starts the feasibility review of a submitted project. The phase must allow {@link
   * ParticipationAction#REVIEW}.
   *
   * @param id the project
   * @param reviewer the service that reviews it
   * @return the project under review, or a refusal
   */
  public synchronized Outcome<Project> startReview(ProjectId id, String reviewer) {
    Project project = get(id);
    requireActor(reviewer);
    Optional<Refusal> refusal =
        firstOf(
            phaseAllows(ParticipationAction.REVIEW), canMove(project, ProjectStatus.UNDER_REVIEW));
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    return done(
        project.moved(
            change(
                project, ProjectStatus.UNDER_REVIEW, reviewer, TEXTS.text("why.reviewStarted"))));
  }

  /**
   * Records the feasibility review of a project under review: it becomes feasible if every
   * criterion is met, otherwise not feasible with the failed criteria and the public answer as
   * reason. The phase must allow {@link ParticipationAction#REVIEW}.
   *
   * @param id the project
   * @param review the review
   * @return the reviewed project, or a refusal
   * @throws IllegalArgumentException if the cost is in another currency, or the cost criterion
   *     contradicts the cost estimate and the edition's maximum
   */
  public synchronized Outcome<Project> recordReview(ProjectId id, FeasibilityReview review) {
    Project project = get(id);
    Objects.requireNonNull(review, "review");
    requireSameCurrency(review.costEstimate(), "reviewed cost");
    Optional<Money> maximum = process.rules().maximumProjectCost();
    boolean withinMaximum =
        maximum.map(max -> review.costEstimate().compareTo(max) <= 0).orElse(true);
    if (review.checklist().get(FeasibilityCriterion.WITHIN_MAXIMUM_COST) != withinMaximum) {
      throw new IllegalArgumentException(
          "The checklist says the cost criterion is "
              + (withinMaximum ? "not met" : "met")
              + ", but the"
              + " estimate "
              + review.costEstimate()
              + " is "
              + (withinMaximum ? "within" : "above")
              + " the maximum "
              + maximum.map(Money::toString).orElse("(none)")
              + ": correct the checklist or the estimate.");
    }
    ProjectStatus target = review.feasible() ? ProjectStatus.FEASIBLE : ProjectStatus.NOT_FEASIBLE;
    Optional<Refusal> refusal =
        firstOf(phaseAllows(ParticipationAction.REVIEW), canMove(project, target));
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    LocalizedText why =
        review.feasible()
            ? TEXTS.text("why.feasible", review.publicAnswer())
            : TEXTS.text(
                "why.notFeasible",
                Texts.list(
                    review.failedCriteria().stream()
                        .map(c -> (Function<Locale, String>) c::displayName)
                        .toList()),
                review.publicAnswer());
    return done(project.reviewed(review, change(project, target, review.reviewer(), why)));
  }

  /**
   * Declares a feasible project not feasible after all (the executive refuses it at validation),
   * before voting opens.
   *
   * @param id the project
   * @param actor who decides
   * @param reason the public reason
   * @return the project, or a refusal
   */
  public synchronized Outcome<Project> declareNotFeasible(
      ProjectId id, String actor, LocalizedText reason) {
    Project project = get(id);
    requireActor(actor);
    requireWhy(reason);
    if (project.status() != ProjectStatus.FEASIBLE) {
      Optional<Refusal> refusal = canMove(project, ProjectStatus.NOT_FEASIBLE);
      if (refusal.isPresent()) {
        return Outcome.refused(refusal.get());
      }
      return Outcome.refused(notFromReview(project));
    }
    Optional<Refusal> refusal = ballotStillOpen(project);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    return done(project.moved(change(project, ProjectStatus.NOT_FEASIBLE, actor, reason)));
  }

  /**
   * Puts a feasible project on the ballot (validation), before voting opens.
   *
   * @param id the project
   * @param actor who validates
   * @param why the public reason
   * @return the project, or a refusal
   */
  public synchronized Outcome<Project> putOnBallot(ProjectId id, String actor, LocalizedText why) {
    Project project = get(id);
    requireActor(actor);
    requireWhy(why);
    Optional<Refusal> refusal =
        firstOf(canMove(project, ProjectStatus.ON_BALLOT), ballotStillOpen(project));
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    return done(project.moved(change(project, ProjectStatus.ON_BALLOT, actor, why)));
  }

  /**
   * Merges a duplicate into another project, before voting opens. The duplicate becomes {@link
   * ProjectStatus#MERGED}; the other project records it in {@link Project#mergedFrom()}.
   *
   * @param duplicate the project merged away
   * @param into the project that carries the idea on (submitted, under review or feasible)
   * @param actor who merges (the assembly, staff)
   * @param why the public reason
   * @return the duplicate, or a refusal
   * @throws IllegalArgumentException if a project is unknown or both ids are the same
   */
  public synchronized Outcome<Project> merge(
      ProjectId duplicate, ProjectId into, String actor, LocalizedText why) {
    Project project = get(duplicate);
    Project target = get(into);
    requireActor(actor);
    requireWhy(why);
    if (duplicate.equals(into)) {
      throw new IllegalArgumentException(
          "Project " + duplicate + " cannot be merged into itself: name another project.");
    }
    Optional<Refusal> refusal =
        firstOf(canMove(project, ProjectStatus.MERGED), ballotStillOpen(project));
    if (refusal.isEmpty() && !target.status().canMoveTo(ProjectStatus.MERGED)) {
      refusal =
          Optional.of(
              new Refusal(
                  "project.merge-target-closed",
                  TEXTS.text("refusal.mergeTarget", into, statusName(target.status()))));
    }
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    LocalizedText fullWhy = TEXTS.text("why.merged", into, target.title(), why);
    Project merged = project.merged(into, change(project, ProjectStatus.MERGED, actor, fullWhy));
    Map<ProjectId, Project> next = new LinkedHashMap<>(projects);
    next.put(duplicate, merged);
    next.put(into, target.absorbed(duplicate));
    projects = Collections.unmodifiableMap(next);
    return Outcome.done(merged);
  }

  /**
   * Records the results, once voting has closed: the given projects are selected (funded), every
   * other project on the ballot is not selected. All or nothing.
   *
   * @param selected the projects funded; all on the ballot, together within the envelope
   * @param actor who proclaims
   * @param why the public reason (for instance the counting rule used)
   * @return the projects that were on the ballot, after the change, or a refusal
   * @throws IllegalArgumentException if a project is unknown
   */
  public synchronized Outcome<List<Project>> proclaim(
      Set<ProjectId> selected, String actor, LocalizedText why) {
    Objects.requireNonNull(selected, "selected");
    requireActor(actor);
    requireWhy(why);
    selected.forEach(this::get);
    List<String> votingPhases = votingPhases();
    for (String phase : votingPhases) {
      if (!calendar.hasClosed(phase)) {
        return Outcome.refused(
            new Refusal(
                "project.vote-not-over", TEXTS.text("refusal.voteNotOver", phaseName(phase))));
      }
    }
    Money total = Money.zero(envelope().currency());
    for (ProjectId id : selected) {
      Project project = get(id);
      if (project.status() != ProjectStatus.ON_BALLOT) {
        return Outcome.refused(
            new Refusal(
                "project.not-on-ballot",
                TEXTS.text("refusal.notOnBallot", id, statusName(project.status()))));
      }
      total = total.plus(project.cost());
    }
    if (total.compareTo(envelope()) > 0) {
      return Outcome.refused(
          new Refusal(
              "project.over-envelope", TEXTS.text("refusal.overEnvelope", total, envelope())));
    }
    Map<ProjectId, Project> next = new LinkedHashMap<>(projects);
    List<Project> changed = new ArrayList<>();
    for (Project project : projects.values()) {
      if (project.status() == ProjectStatus.ON_BALLOT) {
        ProjectStatus target =
            selected.contains(project.id()) ? ProjectStatus.SELECTED : ProjectStatus.NOT_SELECTED;
        Project after = project.moved(change(project, target, actor, why));
        next.put(project.id(), after);
        changed.add(after);
      }
    }
    projects = Collections.unmodifiableMap(next);
    return Outcome.done(List.copyOf(changed));
  }

  /**
   * Starts the realisation of a selected project.
   *
   * @param id the project
   * @param actor the service in charge
   * @param why the public note
   * @return the project, or a refusal
   */
  public synchronized Outcome<Project> startRealisation(
      ProjectId id, String actor, LocalizedText why) {
    return simpleMove(id, ProjectStatus.IN_PROGRESS, actor, why);
  }

  /**
   * Publishes the progress of a project in progress.
   *
   * @param id the project
   * @param progress the progress
   * @param actor the service in charge
   * @return the project, or a refusal if it is not in progress
   */
  public synchronized Outcome<Project> reportProgress(
      ProjectId id, Progress progress, String actor) {
    Project project = get(id);
    Objects.requireNonNull(progress, "progress");
    requireActor(actor);
    if (project.status() != ProjectStatus.IN_PROGRESS) {
      return Outcome.refused(
          new Refusal(
              "project.not-in-progress",
              TEXTS.text("refusal.notInProgress", id, statusName(project.status()))));
    }
    return done(project.withProgress(progress, null));
  }

  /**
   * Marks a project in progress as realised (progress 100%).
   *
   * @param id the project
   * @param actor the service in charge
   * @param why the public note
   * @return the project, or a refusal
   */
  public synchronized Outcome<Project> markRealised(ProjectId id, String actor, LocalizedText why) {
    Project project = get(id);
    requireActor(actor);
    requireWhy(why);
    Optional<Refusal> refusal = canMove(project, ProjectStatus.REALISED);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    List<Milestone> milestones = project.progress().map(Progress::milestones).orElse(List.of());
    return done(
        project.withProgress(
            new Progress(100, milestones), change(project, ProjectStatus.REALISED, actor, why)));
  }

  /**
   * Abandons a selected project or one in progress, with a reason.
   *
   * @param id the project
   * @param actor who decides
   * @param reason the public reason
   * @return the project, or a refusal
   */
  public synchronized Outcome<Project> abandon(ProjectId id, String actor, LocalizedText reason) {
    return simpleMove(id, ProjectStatus.ABANDONED, actor, reason);
  }

  /**
   * A project.
   *
   * @param id the id
   * @return the project, if the edition has it
   */
  public Optional<Project> project(ProjectId id) {
    return Optional.ofNullable(projects.get(id));
  }

  /**
   * A project that must exist.
   *
   * @param id the id
   * @return the project
   * @throws IllegalArgumentException if the edition has no such project
   */
  public Project get(ProjectId id) {
    Objects.requireNonNull(id, "The project id is missing.");
    Project project = projects.get(id);
    if (project == null) {
      throw new IllegalArgumentException(
          "Edition "
              + process.id()
              + " has no project '"
              + id
              + "': use an id returned by submit()"
              + " (it has "
              + projects.size()
              + " projects).");
    }
    return project;
  }

  /**
   * The projects that a query matches, one page of them ({@link ProjectQuery}).
   *
   * @param query the filters, order and page
   * @return the page, with the number of matching projects
   */
  public ProjectPage find(ProjectQuery query) {
    return query.page(projects());
  }

  /**
   * The projects, in submission order.
   *
   * @return a snapshot
   */
  public List<Project> projects() {
    return List.copyOf(projects.values());
  }

  /**
   * The projects in a status, in submission order.
   *
   * @param status the status
   * @return a snapshot
   */
  public List<Project> projects(ProjectStatus status) {
    return projects.values().stream().filter(p -> p.status() == status).toList();
  }

  /**
   * Whether an action is allowed now, with the reason when not.
   *
   * @param action the action
   * @return the current phase, or a refusal
   */
  public Outcome<Phase> check(ParticipationAction action) {
    return calendar.check(action);
  }

  /**
   * What happened to an idea: its status, since when, and why, in French, Dutch and English.
   *
   * @param id the project
   * @return the answer
   */
  public IdeaFate whatHappened(ProjectId id) {
    Project project = get(id);
    StatusChange last = project.lastChange();
    LocalDate since = LocalDate.ofInstant(last.at(), process.zone());
    Object cost = project.cost();
    LocalizedText explanation =
        switch (project.status()) {
          case SUBMITTED -> TEXTS.text("fate.SUBMITTED", since);
          case UNDER_REVIEW -> TEXTS.text("fate.UNDER_REVIEW", since, last.actor());
          case FEASIBLE ->
              TEXTS.text(
                  "fate.FEASIBLE",
                  since,
                  cost,
                  project.review().map(FeasibilityReview::publicAnswer).orElse(last.why()));
          case NOT_FEASIBLE -> TEXTS.text("fate.NOT_FEASIBLE", since, last.why());
          case MERGED -> TEXTS.text("fate.MERGED", since, last.why());
          case ON_BALLOT -> TEXTS.text("fate.ON_BALLOT", since, cost);
          case SELECTED -> TEXTS.text("fate.SELECTED", since, cost);
          case NOT_SELECTED -> TEXTS.text("fate.NOT_SELECTED", since);
          case IN_PROGRESS ->
              TEXTS.text(
                  "fate.IN_PROGRESS", since, project.progress().map(Progress::percent).orElse(0));
          case REALISED -> TEXTS.text("fate.REALISED", since, last.why());
          case ABANDONED -> TEXTS.text("fate.ABANDONED", since, last.why());
        };
    return new IdeaFate(id, project.status(), last.at(), explanation, project.progress());
  }

  private Outcome<Project> simpleMove(
      ProjectId id, ProjectStatus target, String actor, LocalizedText why) {
    Project project = get(id);
    requireActor(actor);
    requireWhy(why);
    Optional<Refusal> refusal = canMove(project, target);
    if (refusal.isPresent()) {
      return Outcome.refused(refusal.get());
    }
    return done(project.moved(change(project, target, actor, why)));
  }

  private Outcome<Project> done(Project after) {
    put(after);
    return Outcome.done(after);
  }

  private void put(Project project) {
    Map<ProjectId, Project> next = new LinkedHashMap<>(projects);
    next.put(project.id(), project);
    projects = Collections.unmodifiableMap(next);
  }

  private StatusChange change(
      Project project, ProjectStatus target, String actor, LocalizedText why) {
    return new StatusChange(project.status(), target, clock.instant(), actor, why);
  }

  private Optional<Refusal> guardVote(Optional<Phase> from, Phase to) {
    List<Phase> phases = process.phases();
    int toIndex = process.indexOf(to.id());
    int firstVote = -1;
    for (int i = 0; i < phases.size(); i++) {
      if (phases.get(i).allows(ParticipationAction.VOTE)) {
        firstVote = i;
        break;
      }
    }
    if (firstVote < 0) {
      return Optional.empty();
    }
    // Reviews must be over before the process leaves the last review phase that precedes the vote
    // (or, without such a phase, before the vote opens).
    int reviewDeadline = firstVote;
    for (int i = firstVote - 1; i >= 0; i--) {
      if (phases.get(i).allows(ParticipationAction.REVIEW)) {
        reviewDeadline = i + 1;
        break;
      }
    }
    int fromIndex = from.map(phase -> process.indexOf(phase.id())).orElse(-1);
    boolean crossesReviewDeadline = fromIndex < reviewDeadline && toIndex >= reviewDeadline;
    boolean crossesVote = fromIndex < firstVote && toIndex >= firstVote;
    if (!crossesReviewDeadline && !crossesVote) {
      return Optional.empty();
    }
    Collection<Project> all = projects.values();
    List<ProjectId> waiting =
        all.stream().filter(p -> p.status().awaitsReview()).map(Project::id).toList();
    if (!waiting.isEmpty()) {
      return Optional.of(
          new Refusal(
              "edition.projects-under-review",
              TEXTS.text(
                  "refusal.projectsUnderReview",
                  phaseName(to.id()),
                  waiting.size(),
                  Texts.list(waiting))));
    }
    if (crossesVote && all.stream().noneMatch(p -> p.status() == ProjectStatus.ON_BALLOT)) {
      return Optional.of(
          new Refusal(
              "edition.ballot-empty", TEXTS.text("refusal.ballotEmpty", phaseName(to.id()))));
    }
    return Optional.empty();
  }

  private List<String> votingPhases() {
    return process.phases().stream()
        .filter(p -> p.allows(ParticipationAction.VOTE))
        .map(Phase::id)
        .toList();
  }

  private Optional<Refusal> ballotStillOpen(Project project) {
    for (String phase : votingPhases()) {
      if (calendar.hasOpened(phase)) {
        return Optional.of(
            new Refusal(
                "project.ballot-frozen",
                TEXTS.text("refusal.ballotFrozen", project.id(), phaseName(phase))));
      }
    }
    return Optional.empty();
  }

  private Optional<Refusal> phaseAllows(ParticipationAction action) {
    return calendar.check(action).refusal();
  }

  private static Optional<Refusal> canMove(Project project, ProjectStatus target) {
    if (project.status().canMoveTo(target)) {
      return Optional.empty();
    }
    List<Function<Locale, String>> allowed =
        project.status().next().stream()
            .map(s -> (Function<Locale, String>) s::displayName)
            .toList();
    return Optional.of(
        new Refusal(
            "project.move-not-allowed",
            TEXTS.text(
                "refusal.moveNotAllowed",
                project.id(),
                statusName(project.status()),
                statusName(target),
                Texts.list(allowed))));
  }

  private static Refusal notFromReview(Project project) {
    return new Refusal(
        "project.move-not-allowed",
        TEXTS.text(
            "refusal.notFeasibleOnlyFromFeasible", project.id(), statusName(project.status())));
  }

  @SafeVarargs
  private static Optional<Refusal> firstOf(Optional<Refusal>... refusals) {
    for (Optional<Refusal> refusal : refusals) {
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  private static Function<Locale, String> statusName(ProjectStatus status) {
    return status::displayName;
  }

  private Function<Locale, String> phaseName(String phaseId) {
    Phase phase = process.phase(phaseId).orElseThrow();
    return phase::displayName;
  }

  private void requireSameCurrency(Money amount, String what) {
    if (!amount.currency().equals(envelope().currency())) {
      throw new IllegalArgumentException(
          "The "
              + what
              + " "
              + amount
              + " is not in the edition's currency ("
              + envelope().currency()
              + "): give it in "
              + envelope().currency()
              + ".");
    }
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException(
          "The actor is blank: name who makes the change (a staff or service reference).");
    }
  }

  private static void requireWhy(LocalizedText why) {
    Objects.requireNonNull(
        why,
        "The reason is missing: give a public reason, e.g. LocalizedText.of(\"fr\", \"...\").");
  }
}
