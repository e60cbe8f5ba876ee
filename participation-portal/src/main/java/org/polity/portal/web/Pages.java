package org.polity.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.polity.common.ProcessId;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.portal.PortalCapability;

/**
 * Builds the {@link Page} of a request and answers with a rendered template, with the portal's
 * security headers: a Content-Security-Policy with no inline script or style ({@value #POLICY}), no
 * framing, no sniffing, and no caching of a page that may show a signed-in person's data.
 */
@ApplicationScoped
public class Pages {

  /** The policy of every page: scripts and styles from the portal only, map tiles over https. */
  public static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
          + " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

  @Inject Config config;

  private String siteName;
  private ZoneId zone;

  /** Creates the bean; CDI calls it. */
  public Pages() {}

  private void settings() {
    if (siteName == null) {
      zone = PortalCapability.zone(config);
      siteName = PortalCapability.siteName(config);
    }
  }

  /**
   * The page of a request.
   *
   * @param headers its headers (after the portal's filters)
   * @param uri its address
   * @param security its security context
   * @return the page
   */
  public Page page(HttpHeaders headers, UriInfo uri, SecurityContext security) {
    settings();
    String token = headers.getHeaderString(CsrfProtection.HEADER);
    StringBuilder path = new StringBuilder("/").append(uri.getPath(true).replaceFirst("^/", ""));
    String separator = "?";
    for (Map.Entry<String, java.util.List<String>> parameter :
        uri.getQueryParameters(false).entrySet()) {
      if (parameter.getKey().equals("lang")) {
        continue;
      }
      for (String value : parameter.getValue()) {
        path.append(separator).append(parameter.getKey()).append('=').append(value);
        separator = "&";
      }
    }
    return new Page(
        LanguageChoice.of(headers),
        Caller.of(security),
        token == null ? "" : token,
        path.toString(),
        siteName,
        zone);
  }

  /**
   * A page answered with 200.
   *
   * @param template the template's file name
   * @param page the page
   * @param parameters the template's other parameters, name and value alternately
   * @return the answer
   */
  public Response ok(String template, Page page, Object... parameters) {
    return status(200, template, page, parameters);
  }

  /**
   * A page answered with a status of its own (a refused form: 422, 403, 404, 409).
   *
   * @param status the status
   * @param template the template's file name
   * @param page the page
   * @param parameters the template's other parameters, name and value alternately
   * @return the answer
   */
  public Response status(int status, String template, Page page, Object... parameters) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("page", page);
    for (int i = 0; i < parameters.length; i += 2) {
      all.put((String) parameters[i], parameters[i + 1]);
    }
    return secured(Response.status(status).entity(Templates.render(template, all)).type(HTML))
        .build();
  }

  /**
   * The 404 page of an id that names nothing (a mistyped or malformed address).
   *
   * @param page the page
   * @param what the id as given
   * @return the answer
   */
  public Response notFound(Page page, String what) {
    return status(
        404, "refused.jte", page, "code", "not-found", "detail", page.t("refused.not-found", what));
  }

  /**
   * The page of a refusal: its status (404, 403, 409, 422) and its detail in the reader's language.
   *
   * @param page the page
   * @param refusal what the service answered
   * @return the answer
   */
  public Response refused(Page page, org.polity.jakarta.problem.Refusal refusal) {
    return status(
        refusal.kind().status(),
        "refused.jte",
        page,
        "code",
        refusal.code(),
        "detail",
        refusal.detail(page.language()));
  }

  /**
   * Every reason of a refusal, in the reader's language: each of its {@code errors} (a ballot's
   * form, a body's fields), or its detail.
   *
   * @param refusal what a service answered
   * @param page the page
   * @return the reasons, at least one
   */
  public static java.util.List<String> reasons(
      org.polity.jakarta.problem.Refusal refusal, Page page) {
    java.util.List<String> reasons = new java.util.ArrayList<>();
    jakarta.json.JsonObject extensions = refusal.extensions();
    if (extensions != null && extensions.get("errors") instanceof jakarta.json.JsonArray errors) {
      for (jakarta.json.JsonValue error : errors) {
        if (error instanceof jakarta.json.JsonObject one && one.containsKey("detail")) {
          reasons.add(one.getString("detail"));
        }
      }
    }
    if (reasons.isEmpty()) {
      reasons.add(refusal.detail(page.language()));
    }
    return reasons;
  }

  /**
   * The edition a page is about, or the answer that refuses it.
   *
   * @param id the edition's id, when found
   * @param edition the edition, when found
   * @param answer the answer instead of the page: 404 for an id that names nothing, the service's
   *     refusal, or (for staff pages) the sign-in or 403
   */
  public record Edition(ProcessId id, Processes.Loaded edition, Optional<Response> answer) {

    /** Checks that exactly one of the edition and the answer is there. */
    public Edition {
      if (answer.isPresent() == (edition != null)) {
        throw new IllegalArgumentException("An edition is either found or answered, not both.");
      }
    }

    private static Edition refused(Response answer) {
      return new Edition(null, null, Optional.of(answer));
    }
  }

  /**
   * Reads the edition of a page's address, as every edition page starts: a malformed or unknown id
   * gives the 404 page, another refusal of the service its own page.
   *
   * @param page the page
   * @param process the id as given in the address
   * @param processes the service that reads editions
   * @return the edition, or the answer instead
   */
  public Edition edition(Page page, String process, ProcessService processes) {
    Optional<ProcessId> id = Ids.process(process);
    if (id.isEmpty()) {
      return Edition.refused(notFound(page, process));
    }
    var loaded = processes.read(id.get());
    if (loaded.refusal().isPresent()) {
      return Edition.refused(refused(page, loaded.refusal().get()));
    }
    return new Edition(id.get(), loaded.orElseThrow(), Optional.empty());
  }

  /**
   * As {@link #edition(Page, String, ProcessService)} for a page only staff may see: an anonymous
   * reader is sent to the sign-in, a resident gets 403, before the edition is read.
   *
   * @param page the page
   * @param process the id as given in the address
   * @param processes the service that reads editions
   * @return the edition, or the answer instead
   */
  public Edition staffEdition(Page page, String process, ProcessService processes) {
    Optional<Response> refused = staffOnly(page);
    return refused.isPresent() ? Edition.refused(refused.get()) : edition(page, process, processes);
  }

  /**
   * A page only staff may see: 403, or the sign-in for an anonymous reader.
   *
   * @param page the page asked for
   * @return the refusal, or empty for staff
   */
  public Optional<Response> staffOnly(Page page) {
    if (!page.signedIn()) {
      return Optional.of(seeOther("/sign-in?then=" + page.query(page.path())));
    }
    if (!page.staff()) {
      return Optional.of(
          status(
              403, "refused.jte", page, "code", "forbidden", "detail", page.t("staff.forbidden")));
    }
    return Optional.empty();
  }

  /**
   * A redirection after a form succeeded (303, so that reloading does not send it again).
   *
   * @param to where
   * @return the answer
   */
  public Response seeOther(String to) {
    return secured(Response.seeOther(URI.create(to))).build();
  }

  /**
   * The security headers of a page.
   *
   * @param builder the answer
   * @return the same
   */
  public static Response.ResponseBuilder secured(Response.ResponseBuilder builder) {
    CacheControl cache = new CacheControl();
    cache.setNoStore(true);
    cache.setPrivate(true);
    return builder
        .header("Content-Security-Policy", POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "same-origin")
        .header("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .cacheControl(cache);
  }
}
