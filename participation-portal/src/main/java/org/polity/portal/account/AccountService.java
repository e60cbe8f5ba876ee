package org.polity.portal.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.eligibility.DeskAttestation;
import org.polity.jakarta.http.HttpCapability;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.portal.PortalCapability;

/**
 * The portal's accounts for self-hosting, and every rule about them: signing up, signing in (with
 * throttling), sessions, password reset by mail, the first administrator, and the staff's
 * verification of residents and granting of roles. Pages only translate HTTP to these calls.
 *
 * <p>Passwords are stored as Argon2id hashes; session and one-time tokens are 256 random bits, of
 * which only the SHA-256 is stored. Refusals are values: a form's bad fields are all named at once
 * ({@link #fieldErrors(Refusal)}), in French, Dutch and English.
 */
@ApplicationScoped
public class AccountService {

  /** The shortest password accepted. */
  public static final int MIN_PASSWORD = 12;

  /** How long a password reset link works. */
  public static final Duration RESET_VALIDITY = Duration.ofHours(1);

  /** How long the first administrator's set-up link works. */
  public static final Duration SETUP_VALIDITY = Duration.ofHours(24);

  /** The roles that may verify a resident at the desk. */
  public static final Set<PolityRole> VERIFIERS =
      EnumSet.of(
          PolityRole.ENCODER, PolityRole.REVIEWER, PolityRole.STAFF, PolityRole.ADMINISTRATOR);

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());
  private static final Texts TEXTS = Texts.of(PortalCapability.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+", Pattern.UNICODE_CHARACTER_CLASS);

  /** Argon2id with OWASP's parameters: 19 MiB, 2 iterations, 1 lane, 32-byte hash. */
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  /** A hash checked against when the e-mail is unknown, so that both cost the same. */
  private static final String DUMMY_HASH = hash("not a password of anyone " + UUID.randomUUID());

  @Inject PolityDatabase database;
  @Inject Clock clock;
  @Inject Config config;
  @Inject Mailer mailer;

  private final SignInThrottle throttle = new SignInThrottle();
  private final ExecutorService mails =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "polity-account-mail");
            thread.setDaemon(true);
            return thread;
          });

  /** The set-up token made at start-up, if any (shown once by {@code polity serve}). */
  private volatile String startUpToken;

  /** Creates the service; CDI calls it. */
  public AccountService() {}

  /**
   * A session created by signing in: the token for the cookie (never stored) and the account.
   *
   * @param token the session token, 43 characters of base64url
   * @param account the account signed in
   */
  public record SignedIn(String token, Account account) {}

  // ---------------------------------------------------------------- sign up

  /**
   * Creates a participant's account.
   *
   * @param email the e-mail address (stored lower-cased)
   * @param displayName the name shown on the pages
   * @param password the password: at least {@value #MIN_PASSWORD} characters, not the e-mail
   * @param language the preferred language
   * @return the account, or a refusal naming every bad field ({@link #fieldErrors(Refusal)})
   */
  public Result<Account> signUp(
      String email, String displayName, String password, Locale language) {
    return create(email, displayName, password, language, EnumSet.of(PolityRole.PARTICIPANT));
  }

  private Result<Account> create(
      String email, String displayName, String password, Locale language, Set<PolityRole> roles) {
    String mail = normalise(email);
    String name = displayName == null ? "" : displayName.strip();
    Map<String, LocalizedText> errors = new LinkedHashMap<>();
    if (name.isEmpty() || name.length() > 100) {
      errors.put("name", TEXTS.text("account.error.name"));
    }
    if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
      errors.put("email", TEXTS.text("account.error.email"));
    }
    passwordProblem(password, mail).ifPresent(p -> errors.put("password", p));
    if (errors.isEmpty() && findByEmail(mail).isPresent()) {
      errors.put("email", TEXTS.text("account.error.email-taken"));
    }
    if (!errors.isEmpty()) {
      return Result.refused(invalid(errors));
    }
    String hash = hash(password);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    AccountRecord record =
        new AccountRecord(
            id, mail, name, hash, names(roles), Texts.language(language).getLanguage(), utc(now));
    try {
      database.inTransaction(
          em -> {
            em.persist(record);
            return null;
          });
    } catch (RuntimeException e) {
      if (findByEmail(mail).isPresent()) {
        return Result.refused(invalid(Map.of("email", TEXTS.text("account.error.email-taken"))));
      }
      throw e;
    }
    return Result.ok(account(record));
  }

  private static Optional<LocalizedText> passwordProblem(String password, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      return Optional.of(TEXTS.text("account.error.password-short", MIN_PASSWORD));
    }
    if (password.length() > 1000) {
      return Optional.of(TEXTS.text("account.error.password-long"));
    }
    if (password.strip().equalsIgnoreCase(email)) {
      return Optional.of(TEXTS.text("account.error.password-email"));
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- sign in and sessions

  /**
   * Signs in with an e-mail and a password, and opens a new session (ending the one the browser
   * had, if any, so that a session id is never reused across a sign-in). An unknown e-mail costs
   * the same time as a wrong password. After {@value SignInThrottle#PER_EMAIL} failures for an
   * e-mail, or {@value SignInThrottle#PER_ADDRESS} from a client address, within 15 minutes, the
   * attempt is refused with the time to wait, whatever the password.
   *
   * @param email the e-mail
   * @param password the password
   * @param clientAddress the client's address, or empty when unknown
   * @param previousToken the session token the browser sent, if any
   * @return the new session, or a refusal ({@code sign-in-refused}, {@code sign-in-throttled})
   */
  public Result<SignedIn> signIn(
      String email, String password, String clientAddress, Optional<String> previousToken) {
    String mail = normalise(email);
    String address = clientAddress == null ? "" : clientAddress;
    Instant now = clock.instant();
    Optional<Duration> wait = throttle.wait(mail, address, now);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return Result.refused(
          Refusal.of(
              Refusal.Kind.TOO_MANY_REQUESTS,
              "sign-in-throttled",
              TEXTS.text("account.error.throttled", minutes)));
    }
    Optional<AccountRecord> found = findByEmail(mail);
    String hash = found.map(r -> r.passwordHash).orElse(DUMMY_HASH);
    boolean matches = check(password == null ? "" : password, hash);
    if (found.isEmpty() || !matches) {
      throttle.failed(mail, address, now);
      return Result.refused(
          Refusal.of(
              Refusal.Kind.FORBIDDEN, "sign-in-refused", TEXTS.text("account.error.sign-in")));
    }
    throttle.succeeded(mail);
    previousToken.ifPresent(this::signOut);
    String token = newToken();
    AccountRecord record = found.get();
    database.inTransaction(
        em -> {
          em.persist(new SessionRecord(sha256(token), record.id, utc(now)));
          return null;
        });
    return Result.ok(new SignedIn(token, account(record)));
  }

  /**
   * The account of a session token, if the session is still open: not idle longer than {@value
   * AccountSettings#SESSION_IDLE_TIMEOUT} (8 hours by default), not older than 7 days. An expired
   * session is deleted.
   *
   * @param token the token from the cookie
   * @return the account, or empty
   */
  public Optional<Account> session(String token) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    String key = sha256(token);
    Instant now = clock.instant();
    Duration idle = AccountSettings.idleTimeout(config);
    return database.inTransaction(
        em -> {
          SessionRecord session = em.find(SessionRecord.class, key);
          if (session == null) {
            return Optional.<Account>empty();
          }
          boolean expired =
              !session.lastSeenAt.toInstant().plus(idle).isAfter(now)
                  || !session
                      .createdAt
                      .toInstant()
                      .plus(AccountSettings.SESSION_ABSOLUTE)
                      .isAfter(now);
          AccountRecord account = expired ? null : em.find(AccountRecord.class, session.accountId);
          if (account == null) {
            em.remove(session);
            return Optional.<Account>empty();
          }
          if (session.lastSeenAt.toInstant().plusSeconds(60).isBefore(now)) {
            session.lastSeenAt = utc(now);
          }
          return Optional.of(account(account));
        });
  }

  /**
   * Ends a session.
   *
   * @param token the token from the cookie
   */
  public void signOut(String token) {
    if (token == null || token.isEmpty()) {
      return;
    }
    String key = sha256(token);
    database.inTransaction(
        em -> {
          SessionRecord session = em.find(SessionRecord.class, key);
          if (session != null) {
            em.remove(session);
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- password reset

  /**
   * Mails a one-time link to set a new password, valid {@link #RESET_VALIDITY}, when the e-mail has
   * an account. The caller's answer is the same whether it has one or not, and takes the same time
   * (the mail leaves on another thread).
   *
   * @param email the e-mail given
   * @param base the portal's address the link starts with ({@code polity.public-base-url} when set)
   */
  public void requestPasswordReset(String email, URI base) {
    String mail = normalise(email);
    Optional<AccountRecord> found = findByEmail(mail);
    if (found.isEmpty()) {
      return;
    }
    AccountRecord record = found.get();
    String token = newToken();
    Instant expires = clock.instant().plus(RESET_VALIDITY);
    database.inTransaction(
        em -> {
          em.persist(new TokenRecord(sha256(token), TokenRecord.RESET, record.id, utc(expires)));
          return null;
        });
    Locale language = Locale.forLanguageTag(record.language);
    String link = publicBase(base) + "password-reset/" + token;
    String subject = TEXTS.in(language, "account.reset.mail.subject", siteName());
    String text = TEXTS.in(language, "account.reset.mail.text", record.displayName, link, 60);
    mails.submit(() -> mailer.send(record.email, subject, text));
  }

  /**
   * Whether a password reset link still works.
   *
   * @param token the token of the link
   * @return whether
   */
  public boolean resetLinkWorks(String token) {
    return liveToken(token, TokenRecord.RESET).isPresent();
  }

  /**
   * Sets a new password through a reset link, which then stops working; every open session of the
   * account ends.
   *
   * @param token the token of the link
   * @param password the new password
   * @return the account, or a refusal: {@code reset-link-expired}, or the bad password field
   */
  public Result<Account> resetPassword(String token, String password) {
    Optional<TokenRecord> live = liveToken(token, TokenRecord.RESET);
    if (live.isEmpty()) {
      return Result.refused(linkExpired());
    }
    String accountId = live.get().accountId;
    AccountRecord record = database.inTransaction(em -> em.find(AccountRecord.class, accountId));
    if (record == null) {
      return Result.refused(linkExpired());
    }
    Optional<LocalizedText> problem = passwordProblem(password, record.email);
    if (problem.isPresent()) {
      return Result.refused(invalid(Map.of("password", problem.get())));
    }
    String hash = hash(password);
    String key = sha256(token);
    AccountRecord changed =
        database.inTransaction(
            em -> {
              TokenRecord used = em.find(TokenRecord.class, key);
              if (used == null || used.used) {
                return null;
              }
              used.used = true;
              AccountRecord account = em.find(AccountRecord.class, accountId);
              account.passwordHash = hash;
              em.createQuery("delete from SessionRecord s where s.accountId = :id")
                  .setParameter("id", accountId)
                  .executeUpdate();
              return account;
            });
    return changed == null ? Result.refused(linkExpired()) : Result.ok(account(changed));
  }

  // ---------------------------------------------------------------- first administrator

  /**
   * At start-up, when no account holds the administrator role, creates a set-up link (valid {@link
   * #SETUP_VALIDITY}, once) and logs it at INFO, so that whoever runs the server creates the first
   * administrator's account with it.
   *
   * @param started the application context's initialisation (CDI fires it)
   */
  void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
    setupLinkIfNeeded()
        .ifPresent(
            token -> {
              startUpToken = token;
              LOG.info(setupMessage(token));
            });
  }

  /**
   * The set-up link made at this start-up, while no account is an administrator and the link still
   * works: what {@code polity serve} prints with the server's own address.
   *
   * @return the path of the link, such as {@code setup/AbC...}, or empty
   */
  public Optional<String> firstAdministratorLink() {
    String token = startUpToken;
    if (token == null || administratorExists() || !setupLinkWorks(token)) {
      return Optional.empty();
    }
    return Optional.of("setup/" + token);
  }

  /**
   * Creates a set-up token when no administrator exists yet.
   *
   * @return the token, or empty when there is an administrator
   */
  Optional<String> setupLinkIfNeeded() {
    if (administratorExists()) {
      return Optional.empty();
    }
    String token = newToken();
    Instant expires = clock.instant().plus(SETUP_VALIDITY);
    database.inTransaction(
        em -> {
          em.persist(new TokenRecord(sha256(token), TokenRecord.SETUP, null, utc(expires)));
          return null;
        });
    return Optional.of(token);
  }

  private String setupMessage(String token) {
    Optional<String> base =
        config.getOptionalValue(HttpCapability.PUBLIC_BASE_URL, String.class).map(String::strip);
    String link =
        base.map(b -> (b.endsWith("/") ? b : b + "/") + "setup/" + token)
            .orElse("http://<host>:<port>/setup/" + token);
    return "No account of the portal is an administrator yet: open "
        + link
        + " within 24 hours to create the first one (the link works once"
        + (base.isEmpty()
            ? "; set " + HttpCapability.PUBLIC_BASE_URL + " to see the full link"
            : "")
        + ").";
  }

  /**
   * Whether a set-up link still works.
   *
   * @param token the token of the link
   * @return whether
   */
  public boolean setupLinkWorks(String token) {
    return liveToken(token, TokenRecord.SETUP).isPresent() && !administratorExists();
  }

  /**
   * Creates the first administrator's account through the set-up link, which then stops working.
   *
   * @param token the token of the link
   * @param email the administrator's e-mail
   * @param displayName their name
   * @param password their password
   * @param language their language
   * @return the account, or a refusal: {@code setup-link-expired}, or the bad fields
   */
  public Result<Account> setUp(
      String token, String email, String displayName, String password, Locale language) {
    if (!setupLinkWorks(token)) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.NOT_FOUND, "setup-link-expired", TEXTS.text("account.error.setup")));
    }
    String key = sha256(token);
    boolean claimed =
        database.inTransaction(
            em -> {
              TokenRecord record = em.find(TokenRecord.class, key);
              if (record == null || record.used) {
                return false;
              }
              record.used = true;
              return true;
            });
    if (!claimed) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.NOT_FOUND, "setup-link-expired", TEXTS.text("account.error.setup")));
    }
    Result<Account> created =
        create(
            email,
            displayName,
            password,
            language,
            EnumSet.of(PolityRole.PARTICIPANT, PolityRole.ADMINISTRATOR));
    if (created.refusal().isPresent()) {
      database.inTransaction(
          em -> {
            TokenRecord record = em.find(TokenRecord.class, key);
            record.used = false;
            return null;
          });
    }
    return created;
  }

  // ---------------------------------------------------------------- staff

  /**
   * Finds a resident's account by e-mail, for staff serving them at the desk.
   *
   * @param staff the staff member (an encoder, reviewer, staff or administrator)
   * @param email the e-mail the resident gives
   * @return the account if there is one; refused {@code forbidden} for anyone else
   */
  public Result<Optional<Account>> find(Caller staff, String email) {
    if (!staff.hasAny(
        PolityRole.ENCODER, PolityRole.REVIEWER, PolityRole.STAFF, PolityRole.ADMINISTRATOR)) {
      return Result.refused(
          Refusal.of(Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text("account.error.not-staff")));
    }
    return Result.ok(findByEmail(normalise(email)).map(AccountService::account));
  }

  /**
   * Records what staff verified about a resident at the desk (replacing an earlier verification).
   * Only what eligibility needs is kept; who verified is kept as a role.
   *
   * @param staff the staff member (an encoder, reviewer or administrator)
   * @param accountId the resident's account
   * @param evidence what they checked
   * @return the account, or a refusal: {@code forbidden}, {@code not-found}
   */
  public Result<Account> verify(Caller staff, String accountId, Verification.Evidence evidence) {
    Optional<PolityRole> role =
        List.of(PolityRole.ENCODER, PolityRole.REVIEWER, PolityRole.STAFF, PolityRole.ADMINISTRATOR)
            .stream()
            .filter(r -> staff.roles().contains(r))
            .findFirst();
    if (role.isEmpty()) {
      return Result.refused(
          Refusal.of(Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text("account.error.not-staff")));
    }
    Instant now = clock.instant();
    AccountRecord changed =
        database.inTransaction(
            em -> {
              AccountRecord record = em.find(AccountRecord.class, accountId);
              if (record == null) {
                return null;
              }
              record.verifiedBirthDate = evidence.birthDate().orElse(null);
              record.verifiedMunicipality =
                  evidence.municipalityCode().map(String::strip).orElse(null);
              record.verifiedPostalCode = evidence.postalCode().map(String::strip).orElse(null);
              record.verifiedDocument = evidence.document().name();
              record.verifiedBy = role.get().roleName();
              record.verifiedAt = utc(now);
              return record;
            });
    return changed == null
        ? Result.refused(Refusal.notFound(TEXTS.text("account.error.not-found", accountId)))
        : Result.ok(account(changed));
  }

  /**
   * Gives an account its roles (participant is always kept), with no reason recorded: {@link
   * #changeRoles(Caller, String, Set, String)}.
   *
   * @param administrator the caller, an administrator
   * @param accountId the account
   * @param roles the roles it holds from now on (never anonymous or staff, which are derived)
   * @return the account, or a refusal: {@code forbidden}, {@code not-found}, {@code
   *     last-administrator}
   * @throws IllegalArgumentException when the roles name anonymous or staff
   */
  public Result<Account> grantRoles(Caller administrator, String accountId, Set<PolityRole> roles) {
    return changeRoles(administrator, accountId, roles, null);
  }

  /**
   * Gives an account its roles from now on (participant is always kept) and records the change: who
   * made it, the roles before and after, the reason, when. Only an administrator may; the last
   * account holding the administrator role keeps it, so that someone can always grant roles. A
   * change to the same roles records nothing.
   *
   * @param administrator the caller, an administrator
   * @param accountId the account
   * @param roles the roles it holds from now on (never anonymous or staff, which are derived)
   * @param reason why, or null or blank for none; at most 500 characters
   * @return the account, or a refusal: {@code forbidden}, {@code not-found}, {@code
   *     last-administrator}, or the bad {@code reason}
   * @throws IllegalArgumentException when the roles name anonymous or staff
   */
  public Result<Account> changeRoles(
      Caller administrator, String accountId, Set<PolityRole> roles, String reason) {
    if (!administrator.hasAny(PolityRole.ADMINISTRATOR)) {
      return Result.refused(
          Refusal.of(Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text("account.error.not-admin")));
    }
    for (PolityRole role : roles) {
      if (!role.isMapped()) {
        throw new IllegalArgumentException(
            "The role "
                + role
                + " is derived, never granted: grant participant, reviewer,"
                + " encoder, moderator or administrator.");
      }
    }
    String why = reason == null ? "" : reason.strip();
    if (why.length() > 500) {
      return Result.refused(invalid(Map.of("reason", TEXTS.text("account.error.reason-long"))));
    }
    EnumSet<PolityRole> all = EnumSet.of(PolityRole.PARTICIPANT);
    all.addAll(roles);
    String by = administrator.name().orElse("anonymous");
    Instant now = clock.instant();
    Refusal[] refused = new Refusal[1];
    AccountRecord changed =
        database.inTransaction(
            em -> {
              AccountRecord record = em.find(AccountRecord.class, accountId);
              if (record == null) {
                refused[0] = Refusal.notFound(TEXTS.text("account.error.not-found", accountId));
                return null;
              }
              Set<PolityRole> before = roleSet(record.roles);
              if (before.equals(all)) {
                return record;
              }
              if (before.contains(PolityRole.ADMINISTRATOR)
                  && !all.contains(PolityRole.ADMINISTRATOR)
                  && otherAdministrators(em, accountId) == 0) {
                refused[0] = lastAdministrator();
                return null;
              }
              record.roles = names(all);
              em.persist(
                  new RoleChangeRecord(
                      UUID.randomUUID().toString(),
                      accountId,
                      by,
                      names(before),
                      record.roles,
                      why.isEmpty() ? null : why,
                      utc(now)));
              return record;
            });
    return changed == null ? Result.refused(refused[0]) : Result.ok(account(changed));
  }

  /**
   * One recorded change of an account's roles, as the roles page lists it.
   *
   * @param account the account changed
   * @param changedBy who changed it: an account's name, the sign-in subject of someone without an
   *     account of the portal, or empty when their account has been deleted since
   * @param before the roles before
   * @param after the roles after
   * @param reason the reason given, or empty
   * @param at when
   */
  public record RoleChange(
      Account account,
      Optional<String> changedBy,
      Set<PolityRole> before,
      Set<PolityRole> after,
      Optional<String> reason,
      Instant at) {

    /** Copies the sets. */
    public RoleChange {
      before = Set.copyOf(before);
      after = Set.copyOf(after);
    }

    /**
     * The roles granted by the change.
     *
     * @return the roles after and not before
     */
    public Set<PolityRole> granted() {
      EnumSet<PolityRole> granted = EnumSet.noneOf(PolityRole.class);
      granted.addAll(after);
      granted.removeAll(before);
      return granted;
    }

    /**
     * The roles withdrawn by the change.
     *
     * @return the roles before and not after
     */
    public Set<PolityRole> withdrawn() {
      EnumSet<PolityRole> withdrawn = EnumSet.noneOf(PolityRole.class);
      withdrawn.addAll(before);
      withdrawn.removeAll(after);
      return withdrawn;
    }
  }

  /**
   * The latest changes of roles, newest first, for administrators.
   *
   * @param administrator the caller, an administrator
   * @param limit how many at most (1 to 500)
   * @return the changes, or refused {@code forbidden}
   * @throws IllegalArgumentException when the limit is not between 1 and 500
   */
  public Result<List<RoleChange>> roleChanges(Caller administrator, int limit) {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException(
          "The limit " + limit + " of role changes is out of range: give 1 to 500.");
    }
    if (!administrator.hasAny(PolityRole.ADMINISTRATOR)) {
      return Result.refused(
          Refusal.of(Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text("account.error.not-admin")));
    }
    return Result.ok(
        database.inTransaction(
            em -> {
              List<RoleChangeRecord> rows =
                  em.createQuery(
                          "select c from RoleChangeRecord c order by c.changedAt desc, c.id",
                          RoleChangeRecord.class)
                      .setMaxResults(limit)
                      .getResultList();
              Map<String, Optional<Account>> known = new LinkedHashMap<>();
              List<RoleChange> changes = new java.util.ArrayList<>();
              for (RoleChangeRecord row : rows) {
                Optional<Account> account =
                    known.computeIfAbsent(
                        row.accountId,
                        id ->
                            Optional.ofNullable(em.find(AccountRecord.class, id))
                                .map(AccountService::account));
                if (account.isEmpty()) {
                  continue;
                }
                Optional<String> by;
                if (row.changedBy.startsWith(AccountPrincipal.PREFIX)) {
                  String id = row.changedBy.substring(AccountPrincipal.PREFIX.length());
                  by =
                      known
                          .computeIfAbsent(
                              id,
                              key ->
                                  Optional.ofNullable(em.find(AccountRecord.class, key))
                                      .map(AccountService::account))
                          .map(Account::displayName);
                } else {
                  by = Optional.of(row.changedBy);
                }
                changes.add(
                    new RoleChange(
                        account.get(),
                        by,
                        roleSet(row.rolesBefore),
                        roleSet(row.rolesAfter),
                        Optional.ofNullable(row.reason),
                        row.changedAt.toInstant()));
              }
              return changes;
            }));
  }

  // ---------------------------------------------------------------- the account's own changes

  /**
   * Changes the name shown on the pages and the preferred language (of the mails).
   *
   * @param accountId the signed-in account
   * @param displayName the new name (1 to 100 characters)
   * @param language the preferred language (French, Dutch or English; another becomes English)
   * @return the account, or a refusal naming the bad {@code name}, or {@code not-found}
   */
  public Result<Account> updateProfile(String accountId, String displayName, Locale language) {
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > 100) {
      return Result.refused(invalid(Map.of("name", TEXTS.text("account.error.name"))));
    }
    String lang = Texts.language(language).getLanguage();
    return changeRecord(
        accountId,
        record -> {
          record.displayName = name;
          record.language = lang;
        });
  }

  /**
   * Changes the password, given the current one; every other session of the account ends (the one
   * kept is the caller's). Wrong current passwords count as failed sign-ins for the throttling.
   *
   * @param accountId the signed-in account
   * @param keptSession the token of the session that stays open, if any
   * @param current the current password
   * @param password the new password
   * @return the account, or a refusal naming the bad field ({@code current}, {@code password}),
   *     {@code sign-in-throttled}, or {@code not-found}
   */
  public Result<Account> changePassword(
      String accountId, Optional<String> keptSession, String current, String password) {
    Result<AccountRecord> checked = checkCurrent(accountId, current);
    if (checked.refusal().isPresent()) {
      return Result.refused(checked.refusal().get());
    }
    AccountRecord record = checked.orElseThrow();
    Optional<LocalizedText> problem = passwordProblem(password, record.email);
    if (problem.isPresent()) {
      return Result.refused(invalid(Map.of("password", problem.get())));
    }
    String hash = hash(password);
    String kept = keptSession.map(AccountService::sha256).orElse("");
    return changeRecord(
        accountId,
        (em, changed) -> {
          changed.passwordHash = hash;
          em.createQuery(
                  "delete from SessionRecord s where s.accountId = :id and s.tokenHash <> :kept")
              .setParameter("id", accountId)
              .setParameter("kept", kept)
              .executeUpdate();
          em.createQuery("delete from TokenRecord t where t.accountId = :id")
              .setParameter("id", accountId)
              .executeUpdate();
        });
  }

  /**
   * Changes the e-mail address of the account, given the current password. The new address is not
   * confirmed by mail (as at sign-up); the sign-in subject does not change, so nothing else does.
   *
   * @param accountId the signed-in account
   * @param email the new address
   * @param current the current password
   * @return the account, or a refusal naming the bad field ({@code email}, {@code current}), {@code
   *     sign-in-throttled}, or {@code not-found}
   */
  public Result<Account> changeEmail(String accountId, String email, String current) {
    String mail = normalise(email);
    if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
      return Result.refused(invalid(Map.of("email", TEXTS.text("account.error.email"))));
    }
    Result<AccountRecord> checked = checkCurrent(accountId, current);
    if (checked.refusal().isPresent()) {
      return Result.refused(checked.refusal().get());
    }
    if (mail.equals(checked.orElseThrow().email)) {
      return Result.ok(account(checked.orElseThrow()));
    }
    if (findByEmail(mail).isPresent()) {
      return Result.refused(invalid(Map.of("email", TEXTS.text("account.error.email-taken"))));
    }
    try {
      return changeRecord(accountId, record -> record.email = mail);
    } catch (RuntimeException e) {
      if (findByEmail(mail).isPresent()) {
        return Result.refused(invalid(Map.of("email", TEXTS.text("account.error.email-taken"))));
      }
      throw e;
    }
  }

  /**
   * Deletes the account, given its password: the account and what staff verified, its sessions and
   * links, the record of its roles' changes, and the links from its ideas to it. What stays is not
   * personal data of the account: the ideas themselves (with the author name given on each), the
   * anonymous ballots, and the pseudonymous keys of its acts, which nothing links to it any more.
   * The last administrator cannot delete their account.
   *
   * @param accountId the signed-in account
   * @param current its password
   * @return the deleted account as it was, or a refusal: the bad {@code current} password, {@code
   *     sign-in-throttled}, {@code last-administrator}, or {@code not-found}
   */
  public Result<Account> delete(String accountId, String current) {
    Result<AccountRecord> checked = checkCurrent(accountId, current);
    if (checked.refusal().isPresent()) {
      return Result.refused(checked.refusal().get());
    }
    Refusal[] refused = new Refusal[1];
    AccountRecord deleted =
        database.inTransaction(
            em -> {
              AccountRecord record = em.find(AccountRecord.class, accountId);
              if (record == null) {
                refused[0] = Refusal.notFound(TEXTS.text("account.error.not-found", accountId));
                return null;
              }
              if (roleSet(record.roles).contains(PolityRole.ADMINISTRATOR)
                  && otherAdministrators(em, accountId) == 0) {
                refused[0] = lastAdministrator();
                return null;
              }
              for (String entity : List.of("SessionRecord", "TokenRecord", "RoleChangeRecord")) {
                em.createQuery("delete from " + entity + " r where r.accountId = :id")
                    .setParameter("id", accountId)
                    .executeUpdate();
              }
              em.createNativeQuery("DELETE FROM polity_idea_author WHERE account_id = ?1")
                  .setParameter(1, accountId)
                  .executeUpdate();
              em.remove(record);
              return record;
            });
    if (deleted == null) {
      return Result.refused(refused[0]);
    }
    throttle.succeeded(deleted.email);
    return Result.ok(account(deleted));
  }

  /** Checks the current password of an account, throttled as the sign-ins are. */
  private Result<AccountRecord> checkCurrent(String accountId, String current) {
    AccountRecord record = database.inTransaction(em -> em.find(AccountRecord.class, accountId));
    if (record == null) {
      return Result.refused(Refusal.notFound(TEXTS.text("account.error.not-found", accountId)));
    }
    Instant now = clock.instant();
    Optional<Duration> wait = throttle.wait(record.email, "", now);
    if (wait.isPresent()) {
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return Result.refused(
          Refusal.of(
              Refusal.Kind.TOO_MANY_REQUESTS,
              "sign-in-throttled",
              TEXTS.text("account.error.throttled", minutes)));
    }
    if (!check(current == null ? "" : current, record.passwordHash)) {
      throttle.failed(record.email, "", now);
      return Result.refused(
          invalid(Map.of("current", TEXTS.text("account.error.current-password"))));
    }
    return Result.ok(record);
  }

  private Result<Account> changeRecord(
      String accountId, java.util.function.Consumer<AccountRecord> change) {
    return changeRecord(accountId, (em, record) -> change.accept(record));
  }

  private Result<Account> changeRecord(
      String accountId, java.util.function.BiConsumer<EntityManager, AccountRecord> change) {
    AccountRecord changed =
        database.inTransaction(
            em -> {
              AccountRecord record = em.find(AccountRecord.class, accountId);
              if (record != null) {
                change.accept(em, record);
              }
              return record;
            });
    return changed == null
        ? Result.refused(Refusal.notFound(TEXTS.text("account.error.not-found", accountId)))
        : Result.ok(account(changed));
  }

  private static long otherAdministrators(EntityManager em, String accountId) {
    return em
        .createQuery("select a.roles from AccountRecord a where a.id <> :id", String.class)
        .setParameter("id", accountId)
        .getResultList()
        .stream()
        .filter(roles -> roleSet(roles).contains(PolityRole.ADMINISTRATOR))
        .count();
  }

  private static Refusal lastAdministrator() {
    return Refusal.of(
        Refusal.Kind.CONFLICT,
        "last-administrator",
        TEXTS.text("account.error.last-administrator"));
  }

  /**
   * An account by id.
   *
   * @param id the id
   * @return the account, or empty
   */
  public Optional<Account> account(String id) {
    return Optional.ofNullable(database.inTransaction(em -> em.find(AccountRecord.class, id)))
        .map(AccountService::account);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The bad fields of a form's refusal, in the order of the form.
   *
   * @param refusal a refusal of this service
   * @return field name → what is wrong; empty for a refusal that names no field
   */
  public static Map<String, LocalizedText> fieldErrors(Refusal refusal) {
    Map<String, LocalizedText> fields = new LinkedHashMap<>();
    JsonValue errors = refusal.extensions().get("errors");
    if (errors != null && errors.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue error : errors.asJsonArray()) {
        JsonObject e = error.asJsonObject();
        Map<String, String> texts = new LinkedHashMap<>();
        e.getJsonObject("detail")
            .forEach((k, v) -> texts.put(k, ((jakarta.json.JsonString) v).getString()));
        fields.put(e.getString("field"), new LocalizedText(texts));
      }
    }
    return fields;
  }

  private static Refusal invalid(Map<String, LocalizedText> errors) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    errors.forEach(
        (field, text) -> {
          JsonObjectBuilder detail = Json.createObjectBuilder();
          text.texts().forEach(detail::add);
          list.add(Json.createObjectBuilder().add("field", field).add("detail", detail));
        });
    return new Refusal(
        Refusal.Kind.INVALID,
        "account-form",
        TEXTS.text("account.error.form"),
        Json.createObjectBuilder().add("errors", list).build());
  }

  private static Refusal linkExpired() {
    return Refusal.of(
        Refusal.Kind.NOT_FOUND, "reset-link-expired", TEXTS.text("account.error.reset-link"));
  }

  private Optional<TokenRecord> liveToken(String token, String kind) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    String key = sha256(token);
    Instant now = clock.instant();
    return Optional.ofNullable(database.inTransaction(em -> em.find(TokenRecord.class, key)))
        .filter(t -> t.kind.equals(kind) && !t.used && t.expiresAt.toInstant().isAfter(now));
  }

  private boolean administratorExists() {
    return database.inTransaction(
        em ->
            em
                .createQuery("select a.roles from AccountRecord a", String.class)
                .getResultList()
                .stream()
                .anyMatch(roles -> roleSet(roles).contains(PolityRole.ADMINISTRATOR)));
  }

  private Optional<AccountRecord> findByEmail(String email) {
    return database.inTransaction(
        (EntityManager em) ->
            em
                .createQuery(
                    "select a from AccountRecord a where a.email = :email", AccountRecord.class)
                .setParameter("email", email)
                .getResultList()
                .stream()
                .findFirst());
  }

  private String publicBase(URI requestBase) {
    String base =
        config
            .getOptionalValue(HttpCapability.PUBLIC_BASE_URL, String.class)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(requestBase.toString());
    return base.endsWith("/") ? base : base + "/";
  }

  private String siteName() {
    return PortalCapability.siteName(config);
  }

  private static Account account(AccountRecord r) {
    Optional<Verification> verification =
        r.verifiedAt == null
            ? Optional.empty()
            : Optional.of(
                new Verification(
                    Optional.ofNullable(r.verifiedBirthDate),
                    Optional.ofNullable(r.verifiedMunicipality),
                    Optional.ofNullable(r.verifiedPostalCode),
                    DeskAttestation.Document.valueOf(r.verifiedDocument),
                    roleOf(r.verifiedBy),
                    r.verifiedAt.toInstant()));
    return new Account(
        r.id,
        r.email,
        r.displayName,
        roleSet(r.roles),
        Locale.forLanguageTag(r.language),
        r.createdAt.toInstant(),
        verification);
  }

  private static PolityRole roleOf(String name) {
    return Arrays.stream(PolityRole.values())
        .filter(r -> r.roleName().equals(name))
        .findFirst()
        .orElse(PolityRole.STAFF);
  }

  private static Set<PolityRole> roleSet(String names) {
    EnumSet<PolityRole> roles = EnumSet.noneOf(PolityRole.class);
    for (String name : names.split(",")) {
      Arrays.stream(PolityRole.values())
          .filter(r -> r.roleName().equals(name.strip()))
          .forEach(roles::add);
    }
    return roles;
  }

  private static String names(Set<PolityRole> roles) {
    return roles.stream().map(PolityRole::roleName).collect(Collectors.joining(","));
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  private static boolean check(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /**
   * A new random token: 256 bits in base64url, 43 characters.
   *
   * @return the token
   */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The SHA-256 of a token, in hexadecimal: what is stored.
   *
   * @param token the token
   * @return 64 hexadecimal digits
   */
  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java has no SHA-256.", e);
    }
  }

  @PreDestroy
  void stop() {
    mails.shutdown();
  }
}
