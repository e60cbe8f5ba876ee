package org.polity.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jakarta REST mounts one resource class per path template: two page classes with the same class
 * path (say both {@code ""}) leave one of them unreachable (404), which happened three times while
 * building the portal.
 */
class ResourcePathsTest {

  @Test
  void everyPageClassHasAPathOfItsOwn() {
    List<String> paths = new ArrayList<>();
    for (Class<?> type : new PortalCapability().resources()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        paths.add(path.value().replaceAll("\\{[^}]+}", "{}"));
      }
    }
    assertThat(paths).doesNotHaveDuplicates().hasSizeGreaterThan(8);
  }
}
