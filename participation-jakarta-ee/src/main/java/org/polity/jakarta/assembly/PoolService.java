package org.polity.jakarta.assembly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.common.Texts;
import org.polity.eligibility.Decision;
import org.polity.eligibility.DeskAttestation;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.Outcome;
import org.polity.process.ParticipationAction;
import org.polity.process.Phase;
import org.polity.sortition.Pool;
import org.polity.sortition.Registration;
import org.polity.sortition.Respondent;

/**
 * The application service of an assembly's pool: staff declare which features a process's pool asks
 * ({@link #declare}); a resident volunteers to be drawn online ({@link #register}) or is registered
 * at the desk by a staff member who checked their evidence ({@link #encode}, recorded as encoded at
 * the desk by that staff member); a resident withdraws ({@link #withdraw}); staff read and export
 * the pool in the people file format of {@code polity sortition} ({@link #pool}). The REST resource
 * ({@link PoolResource}) and the portal's pages call it the same way.
 *
 * <p>Every registration is checked in this order: the caller's role, the process and its pool, the
 * current phase allows {@code BE_DRAWN}, the answers fit the declared features (each feature
 * answered with one of its values, nothing else), the person is not in the pool yet (core's {@link
 * Pool.Builder}: one registration per person, keyed by their pseudonymous participant key), and the
 * process's {@code BE_DRAWN} rule admits them (online: on the evidence of their sign-in, as {@link
 * EligibilityService#requireEligible}; at the desk: on what the staff member attests, as {@link
 * EligibilityService#requireEligibleAtDesk(org.polity.jakarta.process.ProcessDefinition,
 * ParticipationAction, ParticipantKey, DeskAttestation, Locale)}). Only the key, a random
 * respondent id, the answers, the channel and the encoder are stored: never an e-mail, a name or
 * the evidence.
 *
 * <p>Outcomes are values ({@link Result}): {@code not-allowed} (403) for a caller without the role,
 * {@code not-found} (404) for a missing process, {@code pool-not-declared} (404) for a process
 * without a pool, the phase's refusal (409), {@code invalid-pool-answers} (400, extension {@code
 * fields}), {@code already-registered} (409), {@code not-eligible} (403) and {@code
 * eligibility-unresolved} (422) with the reasons and remedies, {@code not-registered} (404) for a
 * withdrawal of someone not in the pool, {@code pool-has-registrations} (409) for a change of the
 * features once people registered, {@code identity-not-usable} (422) for an identifier that gives
 * no key. Texts in French, Dutch and English.
 */
@ApplicationScoped
public class PoolService {

  private static final Texts TEXTS = Texts.of(PoolService.class);

  private static final PolityRole[] STAFF = {PolityRole.STAFF, PolityRole.ADMINISTRATOR};

  @Inject ProcessService processes;
  @Inject EligibilityService eligibility;
  @Inject ParticipantKeyer keyer;
  @Inject PoolStore store;
  @Inject Clock clock;

  private final SecureRandom random = new SecureRandom();

  /** Creates the service; CDI calls it. */
  public PoolService() {}

  /**
   * A process's pool as declared.
   *
   * @param process the process
   * @param declaration the features it asks
   * @param version the declaration's version (1 for the first)
   * @param declaredBy the staff member who declared it last
   */
  public record Declared(
      ProcessId process, PoolDeclaration declaration, long version, String declaredBy) {}

  /**
   * A pool's contents, for staff.
   *
   * @param process the process
   * @param declaration its features
   * @param registrations everyone in it, in registration order
   */
  public record Export(
      ProcessId process, PoolDeclaration declaration, List<PoolRegistration> registrations) {
    /** Copies the registrations. */
    public Export {
      registrations = List.copyOf(registrations);
    }

    /**
     * The pool of the draw (core's {@link Pool}), each respondent with the features as columns.
     *
     * @return the pool
     */
    public Pool pool() {
      return Pool.of(registrations.stream().map(PoolRegistration::respondent).toList());
    }

    /**
     * Writes the people file that {@code polity sortition} reads ({@code --people}, id column
     * {@code id}).
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void write(OutputStream out) throws IOException {
      PoolJson.writePeople(declaration, registrations, out);
    }
  }

  /**
   * Declares (or replaces) the features a process's pool asks (staff, administrators). Once people
   * registered, only the labels may change: the features and their values stay.
   *
   * @param caller a staff member
   * @param process the process
   * @param declaration the features
   * @return the declared pool; refused {@code not-allowed}, {@code not-found}, {@code
   *     pool-has-registrations}
   */
  public Result<Declared> declare(Caller caller, ProcessId process, PoolDeclaration declaration) {
    Objects.requireNonNull(declaration, "declaration");
    Optional<Refusal> forbidden = ProcessService.require(caller, STAFF);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<Processes.Loaded> loaded = processes.read(process);
    if (loaded.refusal().isPresent()) {
      return Result.refused(loaded.refusal().get());
    }
    Optional<PoolStore.Declared> before = store.declaration(process);
    if (before.isPresent()
        && !sameAnswers(before.get().declaration(), declaration)
        && !store.registrations(process).isEmpty()) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.CONFLICT,
              "pool-has-registrations",
              TEXTS.text("pool.has-registrations", process.value())));
    }
    String by = caller.name().orElseThrow();
    long version = store.declare(process, declaration, by);
    return Result.ok(new Declared(process, declaration, version, by));
  }

  /**
   * The pool a process declares (anyone may read which features it asks).
   *
   * @param process the process
   * @return the declared pool; refused {@code not-found}, {@code pool-not-declared}
   */
  public Result<Declared> declaration(ProcessId process) {
    Result<Processes.Loaded> loaded = processes.read(process);
    if (loaded.refusal().isPresent()) {
      return Result.refused(loaded.refusal().get());
    }
    return store
        .declaration(process)
        .map(d -> Result.ok(new Declared(process, d.declaration(), d.version(), d.declaredBy())))
        .orElseGet(() -> Result.refused(notDeclared(process)));
  }

  /**
   * Volunteers the signed-in resident to be drawn (participants).
   *
   * @param caller a participant
   * @param process the process
   * @param features the answer to each of the pool's features, by feature name
   * @param language the reader's language, for the eligibility refusal's reasons and remedies
   * @return the registration; refused as the class says
   */
  public Result<PoolRegistration> register(
      Caller caller, ProcessId process, Map<String, String> features, Locale language) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.PARTICIPANT);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<ParticipantKey> key = eligibility.key(caller);
    if (key.refusal().isPresent()) {
      return Result.refused(key.refusal().get());
    }
    return add(
        process,
        key.orElseThrow(),
        features,
        PoolRegistration.Channel.ONLINE,
        Optional.empty(),
        loaded ->
            eligibility.requireEligible(
                loaded.definition(), ParticipationAction.BE_DRAWN, caller, language));
  }

  /**
   * Registers a resident served at the desk, on what the staff member checked (encoders); the
   * registration records that it was encoded at the desk by the caller.
   *
   * @param encoder the staff member
   * @param process the process
   * @param identifier the resident's identifier (as the desk reads it: the national register
   *     number, or the resident's portal account), keyed as the resident's own sign-in would be
   * @param attested what the staff member checked (document, birth date or age band, address)
   * @param features the answer to each of the pool's features
   * @param language the reader's language, for the eligibility refusal's reasons and remedies
   * @return the registration; refused as the class says
   */
  public Result<PoolRegistration> encode(
      Caller encoder,
      ProcessId process,
      String identifier,
      DeskAttestation attested,
      Map<String, String> features,
      Locale language) {
    Objects.requireNonNull(attested, "attested");
    Optional<Refusal> forbidden = ProcessService.require(encoder, PolityRole.ENCODER);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    ParticipantKey resident;
    try {
      resident = keyer.key(identifier == null ? "" : identifier.strip());
    } catch (IllegalArgumentException e) {
      return Result.refused(
          new Refusal(
              Refusal.Kind.RULE,
              "identity-not-usable",
              TEXTS.text("pool.identifier.not-usable", String.valueOf(e.getMessage())),
              Jsonp.JSON.createObjectBuilder().add("field", "identifier").build()));
    }
    return add(
        process,
        resident,
        features,
        PoolRegistration.Channel.DESK,
        encoder.name(),
        loaded ->
            eligibility.requireEligibleAtDesk(
                loaded.definition(), ParticipationAction.BE_DRAWN, resident, attested, language));
  }

  /**
   * The signed-in resident's registration in a pool, if they registered.
   *
   * @param caller a participant
   * @param process the process
   * @return the registration, or empty; refused {@code not-allowed}, {@code identity-not-usable}
   */
  public Result<Optional<PoolRegistration>> registration(Caller caller, ProcessId process) {
    Optional<Refusal> forbidden = ProcessService.require(caller, PolityRole.PARTICIPANT);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    return eligibility
        .key(caller)
        .map(key -> Optional.ofNullable(store.registrations(process).get(key)));
  }

  /**
   * Withdraws the signed-in resident from a pool: their row is deleted.
   *
   * @param caller a participant
   * @param process the process
   * @return the registration withdrawn; refused {@code not-allowed}, {@code not-registered}
   */
  public Result<PoolRegistration> withdraw(Caller caller, ProcessId process) {
    Result<Optional<PoolRegistration>> found = registration(caller, process);
    if (found.refusal().isPresent()) {
      return Result.refused(found.refusal().get());
    }
    Optional<PoolRegistration> registered = found.orElseThrow();
    if (registered.isEmpty() || !store.delete(process, eligibility.key(caller).orElseThrow())) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.NOT_FOUND,
              "not-registered",
              TEXTS.text("pool.not-registered", process.value())));
    }
    return Result.ok(registered.get());
  }

  /**
   * Everyone in a process's pool (staff, administrators), for the draw.
   *
   * @param caller a staff member
   * @param process the process
   * @return the pool; refused {@code not-allowed}, {@code not-found}, {@code pool-not-declared}
   */
  public Result<Export> pool(Caller caller, ProcessId process) {
    Optional<Refusal> forbidden = ProcessService.require(caller, STAFF);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    return declaration(process)
        .map(
            declared ->
                new Export(
                    process,
                    declared.declaration(),
                    new ArrayList<>(store.registrations(process).values())));
  }

  private Result<PoolRegistration> add(
      ProcessId process,
      ParticipantKey key,
      Map<String, String> features,
      PoolRegistration.Channel channel,
      Optional<String> encodedBy,
      java.util.function.Function<Processes.Loaded, Result<Decision>> eligible) {
    Result<Processes.Loaded> loaded = processes.read(process);
    if (loaded.refusal().isPresent()) {
      return Result.refused(loaded.refusal().get());
    }
    Optional<PoolStore.Declared> declared = store.declaration(process);
    if (declared.isEmpty()) {
      return Result.refused(notDeclared(process));
    }
    Outcome<Phase> phase = loaded.orElseThrow().calendar().check(ParticipationAction.BE_DRAWN);
    if (phase.refusal().isPresent()) {
      return Result.refused(Refusal.of(Refusal.Kind.CONFLICT, phase.refusal().get()));
    }
    Result<Map<String, String>> answers = answers(declared.get().declaration(), features);
    if (answers.refusal().isPresent()) {
      return Result.refused(answers.refusal().get());
    }
    Pool.Builder pool = Pool.builder();
    store.registrations(process).keySet().forEach(k -> pool.register(respondent(k)));
    if (pool.register(respondent(key)) instanceof Registration.RefusedDuplicate) {
      return Result.refused(alreadyRegistered(process));
    }
    Result<Decision> decision = eligible.apply(loaded.orElseThrow());
    if (decision.refusal().isPresent()) {
      return Result.refused(decision.refusal().get());
    }
    PoolRegistration registration =
        new PoolRegistration(
            newRespondentId(),
            answers.orElseThrow(),
            channel,
            encodedBy,
            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    if (!store.insert(process, key, registration)) {
      return Result.refused(alreadyRegistered(process));
    }
    return Result.ok(registration);
  }

  /** The answers in the declaration's order, or the refusal naming every bad one. */
  private static Result<Map<String, String>> answers(
      PoolDeclaration declaration, Map<String, String> features) {
    Map<String, String> given = features == null ? Map.of() : features;
    List<LocalizedText> problems = new ArrayList<>();
    var fields = Jsonp.JSON.createArrayBuilder();
    Map<String, String> answers = new LinkedHashMap<>();
    for (PoolDeclaration.Feature feature : declaration.features()) {
      String value = given.get(feature.name());
      if (value == null || value.isBlank()) {
        problems.add(TEXTS.text("pool.answer.missing", feature.label()));
        fields.add(feature.name());
      } else if (feature.value(value.strip()).isEmpty()) {
        problems.add(
            TEXTS.text(
                "pool.answer.unknown-value",
                value.strip(),
                feature.label(),
                String.join(
                    ", ", feature.values().stream().map(PoolDeclaration.Value::id).toList())));
        fields.add(feature.name());
      } else {
        answers.put(feature.name(), value.strip());
      }
    }
    given.keySet().stream()
        .filter(name -> declaration.feature(name).isEmpty())
        .sorted()
        .forEach(
            name -> {
              problems.add(
                  TEXTS.text(
                      "pool.answer.unknown-feature", name, String.join(", ", declaration.names())));
              fields.add(name);
            });
    if (problems.isEmpty()) {
      return Result.ok(answers);
    }
    LocalizedText detail = problems.get(0);
    for (LocalizedText more : problems.subList(1, problems.size())) {
      detail = TEXTS.text("pool.answer.and", detail, more);
    }
    return Result.refused(
        new Refusal(
            Refusal.Kind.INVALID,
            "invalid-pool-answers",
            detail,
            Jsonp.JSON.createObjectBuilder().add("fields", fields).build()));
  }

  private static boolean sameAnswers(PoolDeclaration before, PoolDeclaration after) {
    if (!before.names().equals(after.names())) {
      return false;
    }
    for (int i = 0; i < before.features().size(); i++) {
      List<String> was =
          before.features().get(i).values().stream().map(PoolDeclaration.Value::id).toList();
      List<String> is =
          after.features().get(i).values().stream().map(PoolDeclaration.Value::id).toList();
      if (!new java.util.HashSet<>(was).equals(new java.util.HashSet<>(is))) {
        return false;
      }
    }
    return true;
  }

  private static Respondent respondent(ParticipantKey key) {
    return new Respondent(key.toString(), Map.of());
  }

  private String newRespondentId() {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return "r-" + HexFormat.of().formatHex(bytes);
  }

  private static Refusal notDeclared(ProcessId process) {
    return Refusal.of(
        Refusal.Kind.NOT_FOUND,
        "pool-not-declared",
        TEXTS.text("pool.not-declared", process.value()));
  }

  private static Refusal alreadyRegistered(ProcessId process) {
    return Refusal.of(
        Refusal.Kind.CONFLICT,
        "already-registered",
        TEXTS.text("pool.already-registered", process.value()));
  }
}
