package org.polity.jakarta.cartography;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.standalone.DevelopmentAuthenticationFilter;

/** HTTP calls with the development sign-in, request headers and the reply's headers. */
final class MapClient {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  MapClient(URI base) {
    this.base = base;
  }

  record Reply(int status, HttpResponseHeaders headers, String body) {
    JsonObject json() {
      try (var reader = Jsonp.JSON.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    String etag() {
      return headers.first("ETag");
    }
  }

  record HttpResponseHeaders(java.net.http.HttpHeaders headers) {
    String first(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** A request; {@code headers} are name, value pairs. */
  Reply send(
      String method, String path, String body, String user, String roles, String... headers) {
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
      request.header(DevelopmentAuthenticationFilter.USER_HEADER, user);
      request.header(DevelopmentAuthenticationFilter.ROLES_HEADER, roles);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(), new HttpResponseHeaders(response.headers()), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply get(String path) {
    return send("GET", path, null, null, null);
  }
}
