package org.polity.jakarta.standalone;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.jandex.Index;

/**
 * {@code /openapi}: the OpenAPI 3 document of the API, built by SmallRye OpenAPI from the Jakarta
 * REST and MicroProfile OpenAPI annotations of the application's resources. YAML by default, JSON
 * with {@code ?format=json}.
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
   * @param format {@code json} or {@code yaml} (the default)
   * @return the document
   */
  @GET
  @Produces({"application/yaml", "application/json"})
  @PermitAll
  @Operation(summary = "The OpenAPI 3 document of this API")
  public Response openApi(@QueryParam("format") String format) {
    SmallRyeOpenAPI openApi = document(StandaloneApplication.documentedClasses());
    if ("json".equalsIgnoreCase(format)) {
      return Response.ok(openApi.toJSON(), "application/json").build();
    }
    return Response.ok(openApi.toYAML(), "application/yaml").build();
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
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      document = result;
    }
    return result;
  }
}
