package org.polity.process;

import java.util.List;
import java.util.Objects;
import org.polity.common.LocalizedText;

/**
 * The territory a process covers: a municipality, a region, or a district of a city, with the
 * districts projects may be located in.
 *
 * @param code an identifier such as a statistical code ({@code 21015})
 * @param name the public name
 * @param districts the district names projects may refer to (possibly none); copied
 */
public record Territory(String code, LocalizedText name, List<String> districts) {

  /** Validates the parts. */
  public Territory {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException(
          "A territory code is blank: give an identifier such as \"21015\".");
    }
    Objects.requireNonNull(name, "The name of territory '" + code + "' is missing.");
    districts = List.copyOf(Objects.requireNonNull(districts, "districts"));
    if (districts.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "Territory '" + code + "' has a blank district name: remove it.");
    }
    if (districts.stream().distinct().count() != districts.size()) {
      throw new IllegalArgumentException(
          "Territory '" + code + "' lists a district twice: " + districts + ".");
    }
  }
}
