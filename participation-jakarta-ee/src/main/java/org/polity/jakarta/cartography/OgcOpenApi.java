package org.polity.jakarta.cartography;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.polity.jakarta.http.Jsonp;

/**
 * The OpenAPI 3.0 description of {@code /ogc} (OGC API – Features requires 3.0 for its "OpenAPI
 * 3.0" conformance class, while the application's {@code /openapi} is 3.1). It is kept as a
 * document beside this class ({@code ogc-openapi.json}) and served with this server's URL; a test
 * validates it with swagger-parser and checks that it describes every path of {@link
 * OgcApiResource}.
 */
final class OgcOpenApi {

  private static final JsonObject TEMPLATE = read();

  private OgcOpenApi() {}

  /** The document, its server set to the map service's URL (ending with {@code /ogc/}). */
  static String document(String ogcUrl) {
    String url = ogcUrl.endsWith("/") ? ogcUrl.substring(0, ogcUrl.length() - 1) : ogcUrl;
    return Jsonp.JSON
        .createObjectBuilder(TEMPLATE)
        .add(
            "servers",
            Jsonp.JSON
                .createArrayBuilder()
                .add(
                    Jsonp.JSON
                        .createObjectBuilder()
                        .add("url", url)
                        .add("description", "This service")))
        .build()
        .toString();
  }

  private static JsonObject read() {
    try (InputStream in = OgcOpenApi.class.getResourceAsStream("ogc-openapi.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "ogc-openapi.json is missing beside OgcOpenApi: rebuild the adapter.");
      }
      try (JsonReader reader = Jsonp.JSON.createReader(in)) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
