package org.polity.jakarta.standalone;

import io.smallrye.openapi.api.SmallRyeOpenAPI;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.Indexer;

/**
 * Applies the adapter's API description ({@code META-INF/openapi.yaml} of participation-jakarta-ee:
 * the schemas and examples of the bodies of {@code /api/v1}, which the resources read and write as
 * {@code jakarta.json} objects) to the document built from the annotations.
 *
 * <p>MicroProfile OpenAPI merges that static file with the annotations; the merge keeps the
 * annotations' generic {@code {"type": "object"}} bodies and their default {@code 200} responses
 * beside the file's. This filter then makes the file win, operation by operation: its request body
 * and the answers it describes replace those of the merge, the annotations' default {@code 200}
 * without content goes when the file describes the success, and its {@code operationId} and {@code
 * description} fill those the annotations lack (parameters, tags, summaries and the answers that
 * only the annotations describe stay). {@code OpenApiDocumentTest} checks that every operation of
 * the running server ends up with an id, a description, and a schema and an example for each body.
 */
public final class ApiDescriptionFilter implements OASFilter {

  /** Where the description is, on the class path. */
  public static final String RESOURCE = "META-INF/openapi.yaml";

  private final OpenAPI description;

  /**
   * A filter applying a description.
   *
   * @param description the description (an OpenAPI model with paths and components), or null for
   *     none
   */
  public ApiDescriptionFilter(OpenAPI description) {
    this.description = description;
  }

  /**
   * The filter of the description found on a class path.
   *
   * @param loader the class loader
   * @return the filter; one that changes nothing when the class path has no description (the
   *     document is then the annotations' alone, and {@code OpenApiDocumentTest} fails)
   */
  public static ApiDescriptionFilter fromClassPath(ClassLoader loader) {
    if (loader.getResource(RESOURCE) == null) {
      return new ApiDescriptionFilter(null);
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
    if (description == null || description.getPaths() == null || openAPI.getPaths() == null) {
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
    if (target.getOperationId() == null) {
      target.setOperationId(described.getOperationId());
    }
    if (target.getDescription() == null) {
      target.setDescription(described.getDescription());
    }
    if (described.getRequestBody() != null) {
      target.setRequestBody(described.getRequestBody());
    }
    APIResponses responses = described.getResponses();
    if (responses == null || responses.getAPIResponses() == null) {
      return;
    }
    if (target.getResponses() == null) {
      target.setResponses(responses);
      return;
    }
    Map<String, APIResponse> served = target.getResponses().getAPIResponses();
    boolean describesSuccess = responses.getAPIResponses().keySet().stream().anyMatch(S2XX);
    if (served != null && describesSuccess) {
      // the annotations' default answer ("200 OK", no content) of a method returning Response
      served.entrySet().stream()
          .filter(e -> S2XX.test(e.getKey()) && !responses.hasAPIResponse(e.getKey()))
          .filter(e -> e.getValue().getContent() == null)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(target.getResponses()::removeAPIResponse);
    }
    responses.getAPIResponses().forEach(target.getResponses()::addAPIResponse);
  }

  private static final java.util.function.Predicate<String> S2XX = code -> code.startsWith("2");
}
