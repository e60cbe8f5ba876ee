package org.polity.jakarta.cartography;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The static files of the HTML map pages of {@code /ogc}: Leaflet's {@code leaflet.js} and {@code
 * leaflet.css}, read from the {@code org.webjars.npm:leaflet} WebJar on the class path (so pages
 * never load code from a CDN), and {@code polity-map.js}, which draws a page's GeoJSON with
 * Leaflet. Only these three names are served (any other answers 404); they are public and cached
 * for a day.
 */
@Path("ogc/assets/{name}")
@ApplicationScoped
@Tag(name = "Map (OGC API – Features)")
public class OgcAssetsResource {

  private static final String LEAFLET =
      "META-INF/resources/webjars/leaflet/" + leafletVersion() + "/dist/";

  /** Name → class-path resource and content type. */
  private static final Map<String, String[]> ASSETS =
      Map.of(
          "leaflet.js", new String[] {LEAFLET + "leaflet.js", "text/javascript;charset=utf-8"},
          "leaflet.css", new String[] {LEAFLET + "leaflet.css", "text/css;charset=utf-8"},
          "polity-map.js",
              new String[] {
                "org/polity/jakarta/cartography/polity-map.js", "text/javascript;charset=utf-8"
              });

  /** Creates the resource; CDI calls it. */
  public OgcAssetsResource() {}

  /**
   * One static file of the map pages.
   *
   * @param name {@code leaflet.js}, {@code leaflet.css} or {@code polity-map.js}
   * @return the file, or 404
   */
  @GET
  @Produces({"text/javascript", "text/css"})
  @PermitAll
  @Operation(summary = "Static files of the HTML map pages (Leaflet and its Polity script)")
  @APIResponse(responseCode = "200", description = "The file")
  @APIResponse(responseCode = "404", description = "No such file")
  public Response asset(@PathParam("name") String name) {
    String[] asset = ASSETS.get(name);
    if (asset == null) {
      throw new NotFoundException(
          "There is no map asset '" + name + "': the map pages use " + ASSETS.keySet() + ".");
    }
    byte[] bytes = read(asset[0]);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(bytes, asset[1]).cacheControl(cache).build();
  }

  private static byte[] read(String resource) {
    try (InputStream in = OgcAssetsResource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource
                + " is not on the class path: add the dependency"
                + " org.webjars.npm:leaflet (managed in the parent pom) to the application.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String leafletVersion() {
    String file = "META-INF/maven/org.webjars.npm/leaflet/pom.properties";
    try (InputStream in = OgcAssetsResource.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(
            file
                + " is not on the class path: add the dependency"
                + " org.webjars.npm:leaflet (managed in the parent pom) to the application.");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
