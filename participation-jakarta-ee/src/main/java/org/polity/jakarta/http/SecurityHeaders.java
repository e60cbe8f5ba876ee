package org.polity.jakarta.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * The security headers of every answer: {@code X-Content-Type-Options: nosniff} on all of them, and
 * on HTML pages a {@code Content-Security-Policy} (scripts, styles and images from the application
 * itself, map tiles from any https address, no framing), {@code Referrer-Policy} and {@code
 * X-Frame-Options}; a {@code Server} header naming the runtime is removed. A header the resource
 * set itself is kept.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

  /** The policy of HTML pages: the /ogc pages load their script and style from /ogc/assets. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' https: http: data:; connect-src 'self'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** Creates the filter; the Jakarta REST runtime calls it. */
  public SecurityHeaders() {}

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.remove("Server");
    MediaType type = response.getMediaType();
    if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
      putIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
      putIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
      putIfAbsent(headers, "X-Frame-Options", "DENY");
      putIfAbsent(headers, "Cache-Control", "no-cache");
    }
  }

  private static void putIfAbsent(MultivaluedMap<String, Object> headers, String name, String v) {
    if (!headers.containsKey(name)) {
      headers.putSingle(name, v);
    }
  }
}
