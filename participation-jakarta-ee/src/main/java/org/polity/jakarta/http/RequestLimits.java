package org.polity.jakarta.http;

import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.polity.common.Texts;
import org.polity.jakarta.problem.ProblemMappers;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.RefusedException;

/**
 * The bounds of a request body, on any Jakarta REST runtime:
 *
 * <ul>
 *   <li>a body larger than {@code polity.http.max-body-size} ({@link HttpCapability}) is refused
 *       with 413: at once when its {@code Content-Length} says so, else at the first byte past the
 *       limit, so that no reader holds more than the limit, whatever the number of requests in
 *       parallel;
 *   <li>a JSON body read as an object that is another JSON value ({@code [1,2]}, {@code null},
 *       {@code 42}) is refused with 400, as is one the parser cannot read (nested deeper than its
 *       limit);
 * </ul>
 *
 * each as a problem document in the reader's language.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestLimits implements ContainerRequestFilter, ReaderInterceptor {

  private static final Logger LOG = Logger.getLogger(RequestLimits.class.getName());
  private static final Texts TEXTS = Texts.of(RequestLimits.class);

  private volatile Long maxBodySize;

  /** Creates the filter; the Jakarta REST runtime calls it. */
  public RequestLimits() {}

  private long maxBodySize() {
    Long max = maxBodySize;
    if (max == null) {
      max = HttpCapability.maxBodySize(ConfigProvider.getConfig());
      maxBodySize = max;
    }
    return max;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    long max = maxBodySize();
    String length = request.getHeaderString("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        declared = Long.MAX_VALUE;
      }
      if (declared > max) {
        request.abortWith(
            ProblemMappers.RefusalsOfServices.answer(tooLarge(max), Languages.of(request)));
        return;
      }
    }
    // Only a request that announces a body has one (RFC 9112, 6.3): asking the runtime whether
    // there is an entity (hasEntity) reads from the connection, which on a GET without a body
    // waited for Grizzly's read timeout under load and answered 500 (found by the live-results
    // benchmark).
    if (length != null || request.getHeaderString("Transfer-Encoding") != null) {
      request.setEntityStream(
          new BoundedInputStream(
              request.getEntityStream(), max, () -> tooLarge(max).toException()));
    }
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object body;
    try {
      body = context.proceed();
    } catch (RefusedException | WebApplicationException | JsonException | JsonbException e) {
      RefusedException ours = refusal(e);
      if (ours != null) {
        throw ours;
      }
      throw e;
    } catch (RuntimeException e) {
      RefusedException ours = refusal(e);
      if (ours != null) {
        throw ours;
      }
      // Parsson answers a body nested deeper than its limit with a plain RuntimeException.
      LOG.log(Level.FINE, "A request body could not be read", e);
      throw Refusal.of(Refusal.Kind.INVALID, "body-not-readable", TEXTS.text("body.not-readable"))
          .toException();
    }
    // No body at all stays null, as before: resources that take an optional body accept it.
    if (context.getType() == JsonObject.class && body != null && !(body instanceof JsonObject)) {
      String kind =
          body instanceof JsonValue value
              ? value.getValueType().name().toLowerCase(Locale.ROOT)
              : body.getClass().getSimpleName();
      throw Refusal.of(
              Refusal.Kind.INVALID, "body-not-an-object", TEXTS.text("body.not-an-object", kind))
          .toException();
    }
    return body;
  }

  /** The refusal of a body past the limit, found among the causes (readers wrap it). */
  private static RefusedException refusal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RefusedException refused) {
        return refused;
      }
    }
    return null;
  }

  private static Refusal tooLarge(long max) {
    return Refusal.of(
        Refusal.Kind.TOO_LARGE,
        "request-too-large",
        TEXTS.text("body.too-large", Long.toString(max)));
  }

  /**
   * The headers' languages, or none when {@code Accept-Language} is malformed.
   *
   * @param request the request
   * @return the acceptable languages
   */
  static List<Locale> languages(ContainerRequestContext request) {
    try {
      return request.getAcceptableLanguages();
    } catch (RuntimeException malformed) {
      return List.of();
    }
  }
}
