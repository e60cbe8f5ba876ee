package org.polity.jakarta.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.polity.jakarta.spi.Capability;
import org.polity.jakarta.spi.Setting;

/**
 * The descriptor of the HTTP plumbing every capability shares: it has no resources of its own, only
 * the settings of the hardening filters ({@link RequestLimits}, {@link SecurityHeaders}) and of the
 * public address pages link to. The application finds it as a CDI bean.
 */
@ApplicationScoped
public class HttpCapability implements Capability {

  /** The capability's id. */
  public static final String ID = "http";

  /** {@code polity.http.max-body-size}: the largest request body, in bytes. */
  public static final String MAX_BODY_SIZE = "polity.http.max-body-size";

  /** The largest request body when none is configured: 1 MiB. */
  public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

  /** {@code polity.public-base-url}: the address readers reach the application at. */
  public static final String PUBLIC_BASE_URL = "polity.public-base-url";

  private static final Setting MAX_BODY_SIZE_SETTING =
      Setting.of(
          MAX_BODY_SIZE,
          Long.toString(DEFAULT_MAX_BODY_SIZE),
          "The largest request body, in bytes (1024 to 1073741824): a larger one is refused with"
              + " 413 before it is read whole, with or without Content-Length.",
          HttpCapability::maxBodySizeProblem);

  private static final Setting PUBLIC_BASE_URL_SETTING =
      Setting.optional(
          PUBLIC_BASE_URL,
          "The address readers reach the application at, such as https://participation.example.org/"
              + " (http or https, absolute): the /ogc pages and links are built from it, never from"
              + " the request's Host header; when not set they are relative to the server's root.",
          HttpCapability::publicBaseUrlProblem);

  /** Creates the descriptor; CDI calls it. */
  public HttpCapability() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Setting> settings() {
    return List.of(MAX_BODY_SIZE_SETTING, PUBLIC_BASE_URL_SETTING);
  }

  /**
   * The largest request body in effect ({@value #MAX_BODY_SIZE}), checked at start-up.
   *
   * @param config the configuration
   * @return the size in bytes
   */
  public static long maxBodySize(Config config) {
    return MAX_BODY_SIZE_SETTING
        .value(config)
        .filter(v -> maxBodySizeProblem(v).isEmpty())
        .map(Long::parseLong)
        .orElse(DEFAULT_MAX_BODY_SIZE);
  }

  /**
   * The public base address ({@value #PUBLIC_BASE_URL}), ending with a slash.
   *
   * @param config the configuration
   * @return the address, or empty when not set
   */
  public static Optional<URI> publicBaseUrl(Config config) {
    return PUBLIC_BASE_URL_SETTING
        .value(config)
        .filter(v -> publicBaseUrlProblem(v).isEmpty())
        .map(v -> URI.create(v.endsWith("/") ? v : v + "/"));
  }

  static Optional<String> maxBodySizeProblem(String value) {
    try {
      long size = Long.parseLong(value);
      if (size >= 1024 && size <= 1024L * 1024 * 1024) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    return Optional.of(
        "the largest body is '"
            + value
            + "': give a number of bytes from 1024 to 1073741824, such as 1048576 (1 MiB).");
  }

  static Optional<String> publicBaseUrlProblem(String value) {
    try {
      URI uri = new URI(value);
      if (uri.isAbsolute()
          && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return Optional.empty();
      }
    } catch (java.net.URISyntaxException e) {
      // answered below
    }
    return Optional.of(
        "the public base URL is '"
            + value
            + "': give an absolute http(s) address without query, such as"
            + " https://participation.example.org/.");
  }
}
