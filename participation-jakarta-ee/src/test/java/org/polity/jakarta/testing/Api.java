package org.polity.jakarta.testing;

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
import org.polity.jakarta.standalone.DevelopmentAuthenticationFilter;

/** A small HTTP client for the API, signing in through the development headers. */
public final class Api {

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * A client.
   *
   * @param base the server's base address
   */
  public Api(URI base) {
    this.base = base;
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
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      request.header(DevelopmentAuthenticationFilter.USER_HEADER, user);
    }
    if (roles != null) {
      request.header(DevelopmentAuthenticationFilter.ROLES_HEADER, roles);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), response.body());
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
