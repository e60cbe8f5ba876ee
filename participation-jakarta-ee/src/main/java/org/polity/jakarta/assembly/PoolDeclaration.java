package org.polity.jakarta.assembly;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.polity.common.LocalizedText;

/**
 * What a process's pool asks of each volunteer: the features the quotas of the draw use (such as
 * gender, age band, district, language), each with its allowed values, labelled in French, Dutch
 * and English. Staff declare it ({@link PoolService#declare}); a registration answers every feature
 * with one of its values.
 *
 * <pre>{@code
 * new PoolDeclaration(List.of(new PoolDeclaration.Feature("gender",
 *     LocalizedText.of("en", "Gender").with("fr", "Genre").with("nl", "Gender"),
 *     List.of(new PoolDeclaration.Value("female", LocalizedText.of("en", "Female")),
 *             new PoolDeclaration.Value("male", LocalizedText.of("en", "Male"))))));
 * }</pre>
 *
 * @param features the features, in the order the form asks them; 1 to {@value #MAX_FEATURES}
 */
public record PoolDeclaration(List<Feature> features) {

  /** The most features a pool asks. */
  public static final int MAX_FEATURES = 12;

  /** The most values a feature has. */
  public static final int MAX_VALUES = 40;

  /** A feature's name: lower-case letters, digits and underscores, starting with a letter. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** A value's id: letters, digits, dots, dashes, plus signs and underscores. */
  public static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,39}");

  /** The column names of the people file that a feature cannot take. */
  public static final Set<String> RESERVED = Set.of("id", "channel", "encoded_by");

  /**
   * One allowed value of a feature.
   *
   * @param id the value written in the people file, such as {@code female} or {@code 16-24}
   * @param label what the form shows
   */
  public record Value(String id, LocalizedText label) {
    /** Checks the id and the label. */
    public Value {
      Objects.requireNonNull(label, "label");
      if (id == null || !VALUE.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "The value id '"
                + id
                + "' is not usable: give 1 to 40 letters, digits, dots, dashes, plus signs or"
                + " underscores, such as female or 16-24.");
      }
    }
  }

  /**
   * One feature the pool asks.
   *
   * @param name the column of the people file, such as {@code gender}
   * @param label the question the form shows
   * @param values the allowed answers, 2 to {@value #MAX_VALUES}, with distinct ids
   */
  public record Feature(String name, LocalizedText label, List<Value> values) {
    /** Checks the name and the values. */
    public Feature {
      Objects.requireNonNull(label, "label");
      if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            "The feature name '"
                + name
                + "' is not usable: give 1 to 40 lower-case letters, digits or underscores"
                + " starting with a letter, such as gender or age_band (not id, channel or"
                + " encoded_by).");
      }
      values = List.copyOf(values);
      if (values.size() < 2 || values.size() > MAX_VALUES) {
        throw new IllegalArgumentException(
            "The feature "
                + name
                + " has "
                + values.size()
                + " values: give 2 to "
                + MAX_VALUES
                + ".");
      }
      Set<String> seen = new HashSet<>();
      for (Value value : values) {
        if (!seen.add(value.id())) {
          throw new IllegalArgumentException(
              "The feature " + name + " lists the value " + value.id() + " twice: list it once.");
        }
      }
    }

    /**
     * The value of an id.
     *
     * @param id the value id
     * @return the value, or empty when the feature has none of that id
     */
    public Optional<Value> value(String id) {
      return values.stream().filter(v -> v.id().equals(id)).findFirst();
    }
  }

  /** Checks the number of features and that their names are distinct. */
  public PoolDeclaration {
    features = List.copyOf(features);
    if (features.isEmpty() || features.size() > MAX_FEATURES) {
      throw new IllegalArgumentException(
          "A pool asks 1 to " + MAX_FEATURES + " features; this one has " + features.size() + ".");
    }
    Set<String> seen = new HashSet<>();
    for (Feature feature : features) {
      if (!seen.add(feature.name())) {
        throw new IllegalArgumentException(
            "The feature " + feature.name() + " is declared twice: declare it once.");
      }
    }
  }

  /**
   * The feature of a name.
   *
   * @param name the name
   * @return the feature, or empty
   */
  public Optional<Feature> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The names of the features, in order.
   *
   * @return the names
   */
  public List<String> names() {
    return features.stream().map(Feature::name).toList();
  }
}
