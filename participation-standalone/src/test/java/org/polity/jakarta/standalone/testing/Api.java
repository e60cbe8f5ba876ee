package org.polity.jakarta.standalone.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polity.jakarta.standalone.DevelopmentAuthenticationFilter;
import org.polity.jakarta.testing.TestIdentityProvider;

/**
 * A small HTTP client for the API, signing in through the development headers, or through another
 * sign-in (such as bearer tokens from a {@link TestIdentityProvider}).
 */
public final class Api {

  /** Turns a user and their comma-separated portal roles into the headers that sign them in. */
  @FunctionalInterface
  public interface SignIn {
    /**
     * The headers.
     *
     * @param user the user
     * @param roles comma-separated portal roles, or null
     * @return header names and values
     */
    Map<String, String> headers(String user, String roles);
  }

  /** The development sign-in headers. */
  public static final SignIn DEVELOPMENT_HEADERS =
      (user, roles) -> {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DevelopmentAuthenticationFilter.USER_HEADER, user);
        if (roles != null) {
          headers.put(DevelopmentAuthenticationFilter.ROLES_HEADER, roles);
        }
        return headers;
      };

  private final URI base;
  private final SignIn signIn;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * A client.
   *
   * @param base the server's base address
   */
  public Api(URI base) {
    this(base, DEVELOPMENT_HEADERS);
  }

  /**
   * A client signing in its own way.
   *
   * @param base the server's base address
   * @param signIn how a user is signed in
   */
  public Api(URI base, SignIn signIn) {
    this.base = base;
    this.signIn = signIn;
  }

  /**
   * A response.
   *
   * @param status the status
   * @param contentType the content type, or empty
   * @param body the body text
   */
  public record Reply(int status, String contentType, String body) {
    /**
     * The body as a JSON object.
     *
     * @return the object
     */
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        JsonStructure structure = reader.read();
        return structure.asJsonObject();
      }
    }
  }

  /**
   * Sends a request.
   *
   * @param method GET, POST...
   * @param path the path without leading slash
   * @param body the JSON body, or null
   * @param user the user, or null for anonymous
   * @param roles comma-separated portal roles, or null
   * @return the reply
   */
  public Reply send(String method, String path, String body, String user, String roles) {
    return send(method, path, body, user, roles, Map.of());
  }

  /**
   * Sends a request with more headers, such as {@code Accept-Language}.
   *
   * @param method GET, POST...
   * @param path the path without leading slash
   * @param body the JSON body, or null
   * @param user the user, or null for anonymous
   * @param roles comma-separated portal roles, or null
   * @param headers more header names and values
   * @return the reply
   */
  public Reply send(
      String method,
      String path,
      String body,
      String user,
      String roles,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      signIn.headers(user, roles).forEach(request::header);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * GET as anonymous.
   *
   * @param path the path
   * @return the reply
   */
  public Reply get(String path) {
    return send("GET", path, null, null, null);
  }
}
