package org.polity.jakarta.standalone;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.jandex.Index;

/**
 * {@code /openapi}: the OpenAPI 3 document of the API, built by SmallRye OpenAPI from the Jakarta
 * REST and MicroProfile OpenAPI annotations of the application's resources. As MicroProfile OpenAPI
 * says: YAML by default, JSON for {@code Accept: application/json} or {@code ?format=JSON} ({@code
 * ?format=} wins over {@code Accept}).
 */
@Path("openapi")
@Tag(name = "Operations")
public class OpenApiResource {

  private static volatile SmallRyeOpenAPI document;

  /** Creates the resource. */
  public OpenApiResource() {}

  /**
   * The OpenAPI document.
   *
   * @param format {@code JSON} or {@code YAML}, any case; when absent, the {@code Accept} header
   *     decides
   * @param headers the request's headers
   * @return the document
   */
  @GET
  @Produces({"application/yaml", "application/json"})
  @PermitAll
  @Operation(
      operationId = "getOpenApiDocument",
      summary = "The OpenAPI 3 document of this API",
      description =
          "The OpenAPI 3 document of the whole API. YAML by default; JSON for `Accept:"
              + " application/json` or `?format=JSON`. The `format` parameter wins over `Accept`.")
  @APIResponse(
      responseCode = "200",
      description = "The document",
      content = {
        @Content(
            mediaType = "application/yaml",
            schema = @Schema(type = SchemaType.STRING),
            example = "---\nopenapi: 3.1.0\ninfo:\n  title: Polity\n"),
        @Content(
            mediaType = "application/json",
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class),
            example = "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"Polity\"}}")
      })
  public Response openApi(
      @Parameter(
              description = "`JSON` or `YAML` (any case); when absent, `Accept` decides",
              schema = @Schema(enumeration = {"JSON", "YAML", "json", "yaml"}))
          @QueryParam("format")
          String format,
      @Context HttpHeaders headers) {
    SmallRyeOpenAPI openApi = document(StandaloneApplication.documentedClasses());
    if (json(format, headers.getAcceptableMediaTypes())) {
      return Response.ok(openApi.toJSON(), MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(openApi.toYAML(), "application/yaml").build();
  }

  /**
   * Whether the document is served as JSON: {@code ?format=JSON}, or, without {@code format}, an
   * {@code Accept} header whose most preferred type that names JSON or YAML is JSON (a wildcard
   * before it means the default, YAML).
   *
   * @param format the {@code format} parameter, or null
   * @param acceptable the acceptable types, most preferred first
   * @return true for JSON
   */
  static boolean json(String format, List<MediaType> acceptable) {
    if (format != null && !format.isBlank()) {
      return "json".equalsIgnoreCase(format.strip());
    }
    for (MediaType type : acceptable) {
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        return false;
      }
      String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
      if (subtype.equals("json") || subtype.endsWith("+json")) {
        return true;
      }
      if (subtype.equals("yaml") || subtype.equals("x-yaml") || subtype.endsWith("+yaml")) {
        return false;
      }
    }
    return false;
  }

  /**
   * Builds the OpenAPI model of the given resource classes (once; cached).
   *
   * @param classes the resource classes
   * @return the model
   */
  public static SmallRyeOpenAPI document(Set<Class<?>> classes) {
    SmallRyeOpenAPI result = document;
    if (result == null) {
      try {
        java.util.List<Class<?>> indexed = new java.util.ArrayList<>(classes);
        indexed.add(org.polity.jakarta.PolityApplication.class);
        Index index = Index.of(indexed.toArray(Class<?>[]::new));
        result =
            SmallRyeOpenAPI.builder()
                .withConfig(ConfigProvider.getConfig())
                .withIndex(index)
                .withApplicationClassLoader(OpenApiResource.class.getClassLoader())
                .addFilter(
                    ApiDescriptionFilter.fromClassPath(OpenApiResource.class.getClassLoader()))
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      document = result;
    }
    return result;
  }
}
