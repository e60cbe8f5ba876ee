package org.polity.jakarta.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.common.Texts;
import org.polity.jakarta.problem.ProblemMappers;
import org.polity.jakarta.problem.Refusal;

/**
 * Bounds the calls of {@link RateLimited} methods per client and minute (a fixed window): past the
 * limit the answer is 429, a problem document in the reader's language, with {@code Retry-After}
 * (the seconds until the window ends).
 *
 * <p>The client is the address the runtime puts in the request property {@value #CLIENT_ADDRESS}
 * (the standalone server does; a portal sets it from its servlet request, after its own proxy
 * handling), else the signed-in user, else every anonymous caller together. The counters are in
 * memory, per application instance.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimits implements ContainerRequestFilter {

  /** The request property holding the client's address. */
  public static final String CLIENT_ADDRESS = "org.polity.client-address";

  /** Counters kept before expired windows are dropped. */
  private static final int MAX_CLIENTS = 10_000;

  private static final long WINDOW_MILLIS = 60_000;

  private static final Texts TEXTS = Texts.of(RateLimits.class);

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;

  /** Creates the filter; the Jakarta REST runtime calls it. */
  public RateLimits() {}

  private record Window(long start, AtomicInteger calls) {}

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource == null ? null : resource.getResourceMethod();
    RateLimited limited = method == null ? null : method.getAnnotation(RateLimited.class);
    if (limited == null) {
      return;
    }
    int perMinute =
        ConfigProvider.getConfig()
            .getOptionalValue(limited.setting(), Integer.class)
            .orElse(limited.perMinute());
    long now = System.currentTimeMillis();
    String key = limited.setting() + " " + client(request);
    if (windows.size() > MAX_CLIENTS) {
      windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
    }
    Window window =
        windows.compute(
            key,
            (k, w) ->
                w == null || now - w.start() >= WINDOW_MILLIS
                    ? new Window(now, new AtomicInteger())
                    : w);
    if (window.calls().incrementAndGet() > perMinute) {
      long retryAfter = Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
      Response answer =
          ProblemMappers.RefusalsOfServices.answer(
              Refusal.of(
                  Refusal.Kind.TOO_MANY_REQUESTS,
                  "too-many-requests",
                  TEXTS.text(
                      "rate.exceeded", Integer.toString(perMinute), Long.toString(retryAfter))),
              Languages.of(request));
      request.abortWith(
          Response.fromResponse(answer).header("Retry-After", Long.toString(retryAfter)).build());
    }
  }

  private static String client(ContainerRequestContext request) {
    Object address = request.getProperty(CLIENT_ADDRESS);
    if (address != null) {
      return "address " + address;
    }
    Principal user =
        request.getSecurityContext() == null
            ? null
            : request.getSecurityContext().getUserPrincipal();
    return user == null ? "anonymous" : "user " + user.getName();
  }
}
