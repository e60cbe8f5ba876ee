package org.polity.portal.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A browser-like HTTP client for the portal's pages: it keeps cookies (language, form token,
 * session) and does not follow redirections, so that a test sees the 303 of a form.
 */
public final class PortalHttp {

  private final URI base;
  private final HttpClient client;
  private final String[] always;

  /**
   * A client with an empty cookie jar.
   *
   * @param base the server's address
   */
  public PortalHttp(URI base) {
    this(base, new String[0]);
  }

  /**
   * A client that sends some headers on every request (the development sign-in).
   *
   * @param base the server's address
   * @param always header names and values, alternately
   */
  public PortalHttp(URI base, String... always) {
    this.base = base;
    this.always = always.clone();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * GET a page.
   *
   * @param path the path, with a leading slash
   * @param headers more headers, name and value alternately
   * @return the answer
   */
  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /**
   * POST a form.
   *
   * @param path the path
   * @param form the fields, encoded as {@code application/x-www-form-urlencoded}
   * @return the answer
   */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    return post(
        path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }

  /**
   * POST a form whose fields may repeat (ticked boxes).
   *
   * @param path the path
   * @param form the fields in order
   * @return the answer
   */
  public HttpResponse<String> post(String path, java.util.List<Map.Entry<String, String>> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        entry -> {
          String k = entry.getKey();
          String v = entry.getValue();
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
              .append('=')
              .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        });
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /**
   * The form token of a page's first form.
   *
   * @param html the page
   * @return the token
   */
  public static String csrf(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("The page has no form token:\n" + html);
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    for (int i = 0; i < always.length; i += 2) {
      request.header(always[i], always[i + 1]);
    }
    try {
      return client.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
