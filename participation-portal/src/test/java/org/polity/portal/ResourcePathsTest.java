package org.polity.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jakarta REST matches a request to a root resource class by the class's path first and never tries
 * another class after: a page method {@code editions/{process}/vote/{budget}} on a class at the
 * root is unreachable once another class sits at {@code editions/{process}} (404). That happened
 * twice while building the portal; this test finds it before a resident does.
 */
class ResourcePathsTest {

  @Test
  void noPageMethodAtTheRootIsShadowedByAnotherClass() {
    List<String> classPaths = new ArrayList<>();
    List<Class<?>> classes = new ArrayList<>(new PortalCapability().resources());
    for (Class<?> type : classes) {
      Path path = type.getAnnotation(Path.class);
      if (path != null && !path.value().isEmpty()) {
        classPaths.add(first(path.value()));
      }
    }
    List<String> shadowed = new ArrayList<>();
    for (Class<?> type : classes) {
      Path path = type.getAnnotation(Path.class);
      if (path == null || !path.value().replace("/", "").isEmpty()) {
        continue;
      }
      for (Method method : type.getMethods()) {
        Path sub = method.getAnnotation(Path.class);
        if (sub != null && classPaths.contains(first(sub.value()))) {
          shadowed.add(type.getSimpleName() + "." + method.getName() + " (" + sub.value() + ")");
        }
      }
    }
    assertThat(classPaths).hasSizeGreaterThan(8);
    assertThat(shadowed).isEmpty();
  }

  private static String first(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return slash < 0 ? p : p.substring(0, slash);
  }
}
