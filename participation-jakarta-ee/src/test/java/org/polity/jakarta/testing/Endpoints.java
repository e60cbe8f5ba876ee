package org.polity.jakarta.testing;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Every endpoint of a set of Jakarta REST resource classes, found from their annotations. */
public final class Endpoints {

  private Endpoints() {}

  /**
   * One endpoint.
   *
   * @param httpMethod GET, POST...
   * @param path the path template without leading slash, such as {@code api/v1/receipts/{code}}
   * @param resourceClass the resource class
   * @param method the resource method
   */
  public record Endpoint(String httpMethod, String path, Class<?> resourceClass, Method method) {
    /**
     * The key used in expectation tables.
     *
     * @return {@code "GET api/v1/me"}
     */
    public String key() {
      return httpMethod + " " + path;
    }
  }

  /**
   * The endpoints of resource classes.
   *
   * @param classes the resource classes
   * @return the endpoints, sorted by key
   */
  public static List<Endpoint> of(Set<Class<?>> classes) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> type : classes) {
      Path classPath = type.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : type.getMethods()) {
        String httpMethod = null;
        for (Annotation annotation : method.getAnnotations()) {
          HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
          if (verb != null) {
            httpMethod = verb.value();
          }
        }
        if (httpMethod == null) {
          continue;
        }
        String path = trim(classPath.value());
        Path methodPath = method.getAnnotation(Path.class);
        if (methodPath != null) {
          path = path + "/" + trim(methodPath.value());
        }
        endpoints.add(new Endpoint(httpMethod, path, type, method));
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::key));
    return endpoints;
  }

  private static String trim(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
