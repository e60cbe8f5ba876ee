package org.polity.portal.account;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.portal.web.Page;
import org.polity.portal.web.Pages;

/**
 * Administrators grant and withdraw the staff roles of the portal's accounts: find an account by
 * e-mail, see its roles, change them with a reason, and read the latest changes (who, what, when,
 * why). {@link AccountService} applies the rules (only administrators; the last administrator keeps
 * the role); the page only translates HTTP. Under {@code staff/accounts}: a class of its own, since
 * the root class {@code staff} would shadow a method of the root class.
 */
@Path("staff/accounts")
@RequestScoped
@Tag(name = "Portal")
public class RolesPages {

  /** The roles the page grants, in its order (participant is always held). */
  public static final List<PolityRole> GRANTABLE =
      List.of(
          PolityRole.REVIEWER, PolityRole.ENCODER, PolityRole.MODERATOR, PolityRole.ADMINISTRATOR);

  /** How many changes the page lists. */
  public static final int CHANGES_SHOWN = 50;

  @Inject Pages pages;
  @Inject AccountService accounts;

  @Context HttpHeaders headers;
  @Context UriInfo uri;
  @Context SecurityContext security;

  /** Creates the pages; CDI calls it. */
  public RolesPages() {}

  /**
   * Finds an account by e-mail and shows its roles, with the latest changes.
   *
   * @param email the e-mail, or none for the empty form
   * @param done whether roles were just changed
   * @return the page; 303 to the sign-in form, 403 for anyone but an administrator
   */
  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Grant and withdraw the roles of accounts (HTML)")
  public Response find(@QueryParam("email") String email, @QueryParam("done") String done) {
    return show(
        email == null ? "" : email.strip(),
        List.of(),
        done != null ? Optional.of("account.roles.done") : Optional.empty(),
        200);
  }

  /**
   * Gives an account the roles ticked (the others are withdrawn).
   *
   * @param id the account's id
   * @param email the e-mail searched (to show the account again)
   * @param roles the role names ticked
   * @param reason why, or ""
   * @return 303 to the account's roles, or the page with the reason (403, 404, 409, 422)
   */
  @POST
  @Path("{id}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  @Operation(summary = "Changes the roles of an account (HTML form)")
  public Response change(
      @PathParam("id") String id,
      @FormParam("email") String email,
      @FormParam("role") List<String> roles,
      @FormParam("reason") String reason) {
    Page page = page();
    String searched = email == null ? "" : email.strip();
    if (!page.signedIn()) {
      return pages.seeOther("/sign-in?then=" + page.query("/staff/accounts"));
    }
    Set<PolityRole> chosen = EnumSet.noneOf(PolityRole.class);
    for (String name : roles == null ? List.<String>of() : roles) {
      GRANTABLE.stream().filter(r -> r.roleName().equals(name)).forEach(chosen::add);
    }
    Result<Account> changed = accounts.changeRoles(Caller.of(security), id, chosen, reason);
    if (changed.refusal().isPresent()) {
      Refusal refusal = changed.refusal().get();
      List<String> reasons = new ArrayList<>();
      AccountService.fieldErrors(refusal).values().forEach(t -> reasons.add(page.t(t)));
      if (reasons.isEmpty()) {
        reasons.add(refusal.detail(page.language()));
      }
      int status = refusal.kind() == Refusal.Kind.INVALID ? 422 : refusal.kind().status();
      return show(searched, reasons, Optional.empty(), status);
    }
    return pages.seeOther(
        "/staff/accounts?email=" + page.query(changed.orElseThrow().email()) + "&done=1");
  }

  private Page page() {
    return pages.page(headers, uri, security);
  }

  private Response show(String email, List<String> errors, Optional<String> done, int status) {
    Page page = page();
    if (!page.signedIn()) {
      return pages.seeOther("/sign-in?then=" + page.query(page.path()));
    }
    Caller caller = Caller.of(security);
    Result<List<AccountService.RoleChange>> changes = accounts.roleChanges(caller, CHANGES_SHOWN);
    if (changes.refusal().isPresent()) {
      return pages.status(
          403,
          "refused.jte",
          page,
          "code",
          "forbidden",
          "detail",
          page.t("account.roles.forbidden"));
    }
    Optional<Account> found = Optional.empty();
    if (!email.isEmpty()) {
      found = accounts.find(caller, email).orElseThrow();
    }
    return pages.status(
        status,
        "account/roles.jte",
        page,
        "email",
        email,
        "found",
        found,
        "grantable",
        GRANTABLE,
        "changes",
        changes.orElseThrow(),
        "errors",
        errors,
        "done",
        done.map(page::t).orElse(""));
  }
}
