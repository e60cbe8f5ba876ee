package org.polity.portal.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.polity.portal.PortalCapability;

/**
 * The portal's static files under {@code /assets/}: its style sheet and script, and Leaflet
 * (script, style and images) from the {@code org.webjars.npm:leaflet} WebJar, never from a CDN.
 * Only the names listed here are served (any other answers 404); they are public and cached for a
 * day.
 */
@Path("assets/{name: [a-z0-9.-]+(/[a-z0-9.-]+)?}")
@ApplicationScoped
@Tag(name = "Portal")
public class AssetsResource {

  private static final String OWN = "org/polity/portal/assets/";

  private static final String CSS = "text/css;charset=utf-8";
  private static final String JS = "text/javascript;charset=utf-8";
  private static final String PNG = "image/png";
  private static final String SVG = "image/svg+xml";

  /** Name → class-path resource and content type. */
  private static final Map<String, String[]> ASSETS =
      Map.ofEntries(
          Map.entry("portal.css", new String[] {OWN + "portal.css", CSS}),
          Map.entry("portal.js", new String[] {OWN + "portal.js", JS}),
          Map.entry("logo", new String[] {OWN + "logo.svg", SVG}),
          Map.entry("site.css", new String[] {OWN + "site.css", CSS}),
          Map.entry("leaflet.js", new String[] {leaflet() + "leaflet.js", JS}),
          Map.entry("leaflet.css", new String[] {leaflet() + "leaflet.css", CSS}),
          Map.entry("images/layers.png", new String[] {leaflet() + "images/layers.png", PNG}),
          Map.entry("images/layers-2x.png", new String[] {leaflet() + "images/layers-2x.png", PNG}),
          Map.entry(
              "images/marker-icon.png", new String[] {leaflet() + "images/marker-icon.png", PNG}),
          Map.entry(
              "images/marker-icon-2x.png",
              new String[] {leaflet() + "images/marker-icon-2x.png", PNG}),
          Map.entry(
              "images/marker-shadow.png",
              new String[] {leaflet() + "images/marker-shadow.png", PNG}));

  private final Map<String, byte[]> read = new ConcurrentHashMap<>();

  @Inject Config config;

  /** Creates the resource; CDI calls it. */
  public AssetsResource() {}

  /**
   * One static file.
   *
   * @param name such as {@code portal.css} or {@code images/marker-icon.png}
   * @return the file, or 404
   */
  @GET
  @PermitAll
  @Operation(summary = "Static files of the portal's pages (style, script, Leaflet)")
  public Response asset(@PathParam("name") String name) {
    String[] asset = ASSETS.get(name);
    if (asset == null) {
      throw new NotFoundException("There is no portal asset '" + name + "'.");
    }
    Optional<java.nio.file.Path> own =
        switch (name) {
          case "logo" -> PortalCapability.logoFile(config);
          case "site.css" -> PortalCapability.stylesheetFile(config);
          default -> Optional.empty();
        };
    if (own.isPresent()) {
      java.nio.file.Path file = own.get();
      String type =
          file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? PNG : asset[1];
      byte[] bytes = read.computeIfAbsent(file.toString(), f -> loadFile(file));
      return cached(bytes, type);
    }
    byte[] bytes = read.computeIfAbsent(asset[0], AssetsResource::load);
    return cached(bytes, asset[1]);
  }

  private static Response cached(byte[] bytes, String type) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86_400);
    return Response.ok(bytes, type)
        .cacheControl(cache)
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  private static byte[] loadFile(java.nio.file.Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] load(String resource) {
    try (InputStream in = AssetsResource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String leaflet() {
    String file = "META-INF/maven/org.webjars.npm/leaflet/pom.properties";
    try (InputStream in = AssetsResource.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(
            file + " is not on the class path: add the dependency org.webjars.npm:leaflet.");
      }
      Properties properties = new Properties();
      properties.load(in);
      return "META-INF/resources/webjars/leaflet/" + properties.getProperty("version") + "/dist/";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
