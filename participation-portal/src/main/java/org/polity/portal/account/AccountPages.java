package org.polity.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.common.LocalizedText;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.portal.pages.EditionCard;
import org.polity.portal.pages.ProjectView;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * The pages of the portal's accounts: sign up, sign in and out, password reset, the first
 * administrator's set-up, and the resident's own account (its changes, its deletion, and what
 * happened to the ideas the resident submitted). They translate HTTP to {@link AccountService},
 * which applies every rule.
 */
@Path("")
@RequestScoped
@Tag(name = "Portal")
public class AccountPages {

  @Inject Pages pages;
  @Inject AccountService accounts;
  @Inject IdeaAuthors ideaAuthors;
  @Inject ProcessService processes;
  @Inject ProjectService projects;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public AccountPages() {}

  private Page page() {
    return pages.page(headers, uri, security);
  }

  // ---------------------------------------------------------------- sign up

  /**
   * The sign-up form.
   *
   * @return the page
   */
  @GET
  @Path("sign-up")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The sign-up form (HTML)")
  public Response signUpForm() {
    return pages.ok("account/sign-up.jte", page(), "errors", Map.of(), "name", "", "email", "");
  }

  /**
   * Creates an account, then leads to the sign-in form.
   *
   * @param name the display name
   * @param email the e-mail
   * @param password the password
   * @return 303 to the sign-in form, or the form again with every bad field (422)
   */
  @POST
  @Path("sign-up")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Creates an account (HTML form)")
  public Response signUp(
      @FormParam("name") String name,
      @FormParam("email") String email,
      @FormParam("password") String password) {
    Page page = page();
    Result<Account> created = accounts.signUp(email, name, password, page.language());
    if (created.refusal().isPresent()) {
      return pages.status(
          422,
          "account/sign-up.jte",
          page,
          "errors",
          AccountService.fieldErrors(created.refusal().get()),
          "name",
          name == null ? "" : name,
          "email",
          email == null ? "" : email);
    }
    return pages.seeOther("/sign-in?created=1");
  }

  // ---------------------------------------------------------------- sign in and out

  /**
   * The sign-in form.
   *
   * @param then where to go after signing in (a path of this site)
   * @param created whether the reader has just created an account
   * @param reset whether the reader has just set a new password
   * @param deleted whether the reader has just deleted their account
   * @return the page
   */
  @GET
  @Path("sign-in")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The sign-in form (HTML)")
  public Response signInForm(
      @QueryParam("then") String then,
      @QueryParam("created") String created,
      @QueryParam("reset") String reset,
      @QueryParam("deleted") String deleted) {
    String notice =
        created != null
            ? "account.created"
            : reset != null ? "account.reset.done" : deleted != null ? "account.deleted" : "";
    return pages.ok(
        "account/sign-in.jte",
        page(),
        "errors",
        Map.of(),
        "email",
        "",
        "then",
        safeReturn(then),
        "notice",
        notice);
  }

  /**
   * Signs in: a new session cookie, then the page asked for.
   *
   * @param email the e-mail
   * @param password the password
   * @param then where to go (a path of this site)
   * @return 303 with the session cookie, or the form again (403, or 429 when throttled)
   */
  @POST
  @Path("sign-in")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Signs in (HTML form)")
  public Response signIn(
      @FormParam("email") String email,
      @FormParam("password") String password,
      @FormParam("then") String then) {
    Page page = page();
    String client =
        Optional.ofNullable(headers.getHeaderString(SessionFilter.CLIENT_HEADER)).orElse("");
    Optional<String> previous = SessionFilter.token(headers.getCookies().get(SessionFilter.COOKIE));
    Result<AccountService.SignedIn> signedIn = accounts.signIn(email, password, client, previous);
    if (signedIn.refusal().isPresent()) {
      Refusal refusal = signedIn.refusal().get();
      Map<String, LocalizedText> errors = new LinkedHashMap<>();
      errors.put("email", refusal.detail());
      return pages.status(
          refusal.kind().status(),
          "account/sign-in.jte",
          page,
          "errors",
          errors,
          "email",
          email == null ? "" : email,
          "then",
          safeReturn(then),
          "notice",
          "");
    }
    String token = signedIn.orElseThrow().token();
    return Pages.secured(Response.seeOther(URI.create(safeReturn(then))))
        .cookie(SessionFilter.cookie(token, secure()))
        .build();
  }

  /**
   * Signs out: the session ends and its cookie is deleted.
   *
   * @return 303 to the front page
   */
  @POST
  @Path("sign-out")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Signs out (HTML form)")
  public Response signOut() {
    SessionFilter.token(headers.getCookies().get(SessionFilter.COOKIE))
        .ifPresent(accounts::signOut);
    return Pages.secured(Response.seeOther(URI.create("/")))
        .cookie(SessionFilter.cookie("", secure()))
        .build();
  }

  // ---------------------------------------------------------------- password reset

  /**
   * The form asking for a password reset link.
   *
   * @return the page
   */
  @GET
  @Path("password-reset")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Asks for a password reset link (HTML)")
  public Response resetForm() {
    return pages.ok("account/password-reset.jte", page(), "sent", false);
  }

  /**
   * Mails a reset link when the e-mail has an account; the answer is the same either way.
   *
   * @param email the e-mail
   * @return the page saying a link was sent if the account exists
   */
  @POST
  @Path("password-reset")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Mails a password reset link (HTML form)")
  public Response requestReset(@FormParam("email") String email) {
    accounts.requestPasswordReset(email, uri.getBaseUri());
    return pages.ok("account/password-reset.jte", page(), "sent", true);
  }

  /**
   * The form setting a new password through a reset link.
   *
   * @param token the link's token
   * @return the page, or 404 when the link does not work (any more)
   */
  @GET
  @Path("password-reset/{token}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Sets a new password through a reset link (HTML)")
  public Response newPasswordForm(@PathParam("token") String token) {
    boolean works = accounts.resetLinkWorks(token);
    return pages.status(
        works ? 200 : 404, "account/new-password.jte", page(), "errors", Map.of(), "works", works);
  }

  /**
   * Sets the new password; the link then stops working.
   *
   * @param token the link's token
   * @param password the new password
   * @return 303 to the sign-in form, or the form again
   */
  @POST
  @Path("password-reset/{token}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Sets a new password (HTML form)")
  public Response newPassword(
      @PathParam("token") String token, @FormParam("password") String password) {
    Result<Account> reset = accounts.resetPassword(token, password);
    if (reset.refusal().isPresent()) {
      Refusal refusal = reset.refusal().get();
      Map<String, LocalizedText> errors = AccountService.fieldErrors(refusal);
      boolean works = !errors.isEmpty();
      if (!works) {
        errors.put("password", refusal.detail());
      }
      return pages.status(
          works ? 422 : 404, "account/new-password.jte", page(), "errors", errors, "works", works);
    }
    return pages.seeOther("/sign-in?reset=1");
  }

  // ---------------------------------------------------------------- first administrator

  /**
   * The first administrator's set-up form.
   *
   * @param token the set-up token logged at start-up
   * @return the page, or 404 when the link does not work (any more)
   */
  @GET
  @Path("setup/{token}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Creates the first administrator (HTML)")
  public Response setupForm(@PathParam("token") String token) {
    boolean works = accounts.setupLinkWorks(token);
    return pages.status(
        works ? 200 : 404,
        "account/setup.jte",
        page(),
        "errors",
        Map.of(),
        "works",
        works,
        "name",
        "",
        "email",
        "");
  }

  /**
   * Creates the first administrator's account; the link then stops working.
   *
   * @param token the set-up token
   * @param name the administrator's name
   * @param email their e-mail
   * @param password their password
   * @return 303 to the sign-in form, or the form again
   */
  @POST
  @Path("setup/{token}")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Creates the first administrator (HTML form)")
  public Response setUp(
      @PathParam("token") String token,
      @FormParam("name") String name,
      @FormParam("email") String email,
      @FormParam("password") String password) {
    Page page = page();
    Result<Account> created = accounts.setUp(token, email, name, password, page.language());
    if (created.refusal().isPresent()) {
      Refusal refusal = created.refusal().get();
      Map<String, LocalizedText> errors = AccountService.fieldErrors(refusal);
      boolean works = !errors.isEmpty();
      return pages.status(
          works ? 422 : 404,
          "account/setup.jte",
          page,
          "errors",
          errors,
          "works",
          works,
          "name",
          name == null ? "" : name,
          "email",
          email == null ? "" : email);
    }
    return pages.seeOther("/sign-in?created=1");
  }

  // ---------------------------------------------------------------- the account

  /** What a change on the account page may have done, named in {@code ?done=}. */
  private static final java.util.Set<String> DONE =
      java.util.Set.of("profile", "email", "password");

  /**
   * The signed-in resident's account: name, e-mail, language and what staff verified, with the
   * forms to change them, the password, and to delete the account.
   *
   * @param done what was just changed ({@code profile}, {@code email}, {@code password}), if any
   * @return the page, or 303 to the sign-in form
   */
  @GET
  @Path("account")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "The signed-in resident's account (HTML)")
  public Response account(@QueryParam("done") String done) {
    Optional<Account> account = signedIn();
    if (account.isEmpty()) {
      return signInFirst("/account");
    }
    String notice = done != null && DONE.contains(done) ? "account.done." + done : "";
    return showAccount(page(), account.get(), Map.of(), notice, 200);
  }

  /**
   * Changes the display name and the preferred language.
   *
   * @param name the new name
   * @param language the language's code ({@code fr}, {@code nl}, {@code en})
   * @return 303 to the account page in that language, or the page with the bad field (422)
   */
  @POST
  @Path("account/profile")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Changes the resident's name and language (HTML form)")
  public Response updateProfile(
      @FormParam("name") String name, @FormParam("language") String language) {
    Optional<Account> account = signedIn();
    if (account.isEmpty()) {
      return signInFirst("/account");
    }
    Page page = page();
    Locale chosen =
        Page.LANGUAGES.stream()
            .filter(l -> l.getLanguage().equals(language))
            .findFirst()
            .orElse(account.get().language());
    Result<Account> changed = accounts.updateProfile(account.get().id(), name, chosen);
    if (changed.refusal().isPresent()) {
      return formRefused(page, account.get(), "profile", changed.refusal().get());
    }
    return pages.seeOther("/account?done=profile&lang=" + chosen.getLanguage());
  }

  /**
   * Changes the e-mail address, given the current password.
   *
   * @param email the new address
   * @param current the current password
   * @return 303 to the account page, or the page with the bad fields
   */
  @POST
  @Path("account/email")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Changes the resident's e-mail address (HTML form)")
  public Response changeEmail(
      @FormParam("email") String email, @FormParam("email-current") String current) {
    Optional<Account> account = signedIn();
    if (account.isEmpty()) {
      return signInFirst("/account");
    }
    Result<Account> changed = accounts.changeEmail(account.get().id(), email, current);
    if (changed.refusal().isPresent()) {
      return formRefused(page(), account.get(), "email", changed.refusal().get());
    }
    return pages.seeOther("/account?done=email");
  }

  /**
   * Changes the password, given the current one; the resident's other sessions end.
   *
   * @param current the current password
   * @param password the new password
   * @return 303 to the account page, or the page with the bad fields
   */
  @POST
  @Path("account/password")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Changes the resident's password (HTML form)")
  public Response changePassword(
      @FormParam("password-current") String current, @FormParam("password") String password) {
    Optional<Account> account = signedIn();
    if (account.isEmpty()) {
      return signInFirst("/account");
    }
    Optional<String> session = SessionFilter.token(headers.getCookies().get(SessionFilter.COOKIE));
    Result<Account> changed =
        accounts.changePassword(account.get().id(), session, current, password);
    if (changed.refusal().isPresent()) {
      return formRefused(page(), account.get(), "password", changed.refusal().get());
    }
    return pages.seeOther("/account?done=password");
  }

  /**
   * Deletes the account, given its password; the session ends.
   *
   * @param current the password
   * @return 303 to the sign-in form, or the page with the reason
   */
  @POST
  @Path("account/delete")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Deletes the resident's account (HTML form)")
  public Response delete(@FormParam("delete-current") String current) {
    Optional<Account> account = signedIn();
    if (account.isEmpty()) {
      return signInFirst("/account");
    }
    Result<Account> deleted = accounts.delete(account.get().id(), current);
    if (deleted.refusal().isPresent()) {
      return formRefused(page(), account.get(), "delete", deleted.refusal().get());
    }
    return Pages.secured(Response.seeOther(URI.create("/sign-in?deleted=1")))
        .cookie(SessionFilter.cookie("", secure()))
        .build();
  }

  /**
   * The signed-in resident's ideas submitted through the portal, newest first, each with its status
   * now, the review's public answer and a link to its page with the follow-up.
   *
   * @return the page, or 303 to the sign-in form
   */
  @GET
  @Path("account/ideas")
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "What happened to the resident's ideas (HTML)")
  public Response ideas() {
    Optional<Account> account = signedIn();
    if (account.isEmpty()) {
      return signInFirst("/account/ideas");
    }
    Page page = page();
    Caller caller = Caller.of(security);
    List<MyIdea> ideas = new ArrayList<>();
    for (IdeaAuthors.Link link : ideaAuthors.of(account.get().id())) {
      String process = link.process().value();
      String project = link.project().value();
      String on = page.date(link.submittedAt());
      var loaded = processes.read(link.process());
      if (loaded.refusal().isPresent()) {
        ideas.add(new MyIdea(process, project, process, on, Optional.empty()));
        continue;
      }
      String edition = EditionCard.of(loaded.orElseThrow(), page).title();
      var read = projects.read(caller, link.process(), link.project());
      if (read.refusal().isPresent()) {
        ideas.add(new MyIdea(process, project, edition, on, Optional.empty()));
        continue;
      }
      var history = projects.history(link.process(), link.project());
      ideas.add(
          new MyIdea(
              process,
              project,
              edition,
              on,
              Optional.of(
                  ProjectView.of(
                      read.orElseThrow().project(),
                      loaded.orElseThrow().process(),
                      history.refusal().isEmpty()
                          ? Optional.of(history.orElseThrow())
                          : Optional.empty(),
                      page))));
    }
    return pages.ok("account/ideas.jte", page, "ideas", ideas);
  }

  private Optional<Account> signedIn() {
    if (!(security.getUserPrincipal() instanceof AccountPrincipal principal)) {
      return Optional.empty();
    }
    return accounts.account(principal.accountId());
  }

  private Response showAccount(
      Page page, Account account, Map<String, LocalizedText> errors, String notice, int status) {
    return pages.status(
        status,
        "account/account.jte",
        page,
        "account",
        account,
        "errors",
        errors,
        "notice",
        notice,
        "ideas",
        ideaAuthors.of(account.id()).size());
  }

  /**
   * The account page again with a form's refusal: its bad fields (the current password, asked by
   * several forms of the page, as {@code <form>-current}), or the refusal's detail on the form's
   * first field.
   */
  private Response formRefused(Page page, Account account, String form, Refusal refusal) {
    Map<String, LocalizedText> errors = new LinkedHashMap<>();
    AccountService.fieldErrors(refusal)
        .forEach(
            (field, text) -> errors.put("current".equals(field) ? form + "-current" : field, text));
    if (errors.isEmpty()) {
      errors.put("profile".equals(form) ? "name" : form + "-current", refusal.detail());
    }
    int status = refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status();
    return showAccount(page, account, errors, "", status);
  }

  private Response signInFirst(String then) {
    return pages.seeOther("/sign-in?then=" + page().query(then));
  }

  private boolean secure() {
    return (security != null && security.isSecure())
        || "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
  }

  /**
   * A return path of this site: starts with one slash, no scheme, no host, no backslash.
   *
   * @param then the asked path
   * @return it, or {@code /account} when it is not one
   */
  static String safeReturn(String then) {
    if (then == null
        || !then.startsWith("/")
        || then.startsWith("//")
        || then.contains("\\")
        || then.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || then.length() > 500) {
      return "/account";
    }
    try {
      URI target = URI.create(then);
      if (target.getScheme() != null || target.getAuthority() != null) {
        return "/account";
      }
    } catch (IllegalArgumentException e) {
      return "/account";
    }
    return then;
  }
}
