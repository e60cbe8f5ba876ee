package org.polity.jakarta.standalone;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.jboss.jandex.Indexer;

/**
 * Applies the adapter's API description ({@code META-INF/openapi.yaml} of participation-jakarta-ee:
 * the schemas and examples of the bodies of {@code /api/v1}, which the resources read and write as
 * {@code jakarta.json} objects) to the document built from the annotations.
 *
 * <p>MicroProfile OpenAPI merges that static file with the annotations; the merge keeps the
 * annotations' generic {@code {"type": "object"}} bodies and their default {@code 200} responses
 * beside the file's. This filter then makes the file win, operation by operation: its {@code
 * operationId}, {@code description}, request body and responses replace those of the annotations
 * (parameters, tags and summaries stay the annotations'). {@code OpenApiDocumentTest} checks that
 * every operation of the running server ends up with an id, a description, and a schema and an
 * example for each body.
 */
public final class ApiDescriptionFilter implements OASFilter {

  /** Where the description is, on the class path. */
  public static final String RESOURCE = "META-INF/openapi.yaml";

  private final OpenAPI description;

  /**
   * A filter applying a description.
   *
   * @param description the description (an OpenAPI model with paths and components)
   */
  public ApiDescriptionFilter(OpenAPI description) {
    this.description = description;
  }

  /**
   * The filter of the description found on a class path.
   *
   * @param loader the class loader
   * @return the filter
   * @throws IllegalStateException when the class path has no description
   */
  public static ApiDescriptionFilter fromClassPath(ClassLoader loader) {
    if (loader.getResource(RESOURCE) == null) {
      throw new IllegalStateException("no " + RESOURCE + " on the class path");
    }
    OpenAPI model =
        SmallRyeOpenAPI.builder()
            .withConfig(ConfigProvider.getConfig())
            .enableStandardStaticFiles(false)
            .enableStandardFilter(false)
            .withCustomStaticFile(() -> open(loader))
            .withIndex(new Indexer().complete())
            .build()
            .model();
    return new ApiDescriptionFilter(model);
  }

  private static InputStream open(ClassLoader loader) {
    return loader.getResourceAsStream(RESOURCE);
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (description.getPaths() == null || openAPI.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : description.getPaths().getPathItems().entrySet()) {
      PathItem served = openAPI.getPaths().getPathItem(path.getKey());
      if (served == null) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().getOperations().entrySet()) {
        Operation target = served.getOperations().get(entry.getKey());
        if (target != null) {
          apply(entry.getValue(), target);
        }
      }
    }
  }

  private static void apply(Operation described, Operation target) {
    if (described.getOperationId() != null) {
      target.setOperationId(described.getOperationId());
    }
    if (described.getDescription() != null) {
      target.setDescription(described.getDescription());
    }
    if (described.getRequestBody() != null) {
      target.setRequestBody(described.getRequestBody());
    }
    if (described.getResponses() != null && !described.getResponses().getAPIResponses().isEmpty()) {
      target.setResponses(described.getResponses());
    }
  }
}
