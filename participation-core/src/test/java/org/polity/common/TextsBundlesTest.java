package org.polity.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every text bundle of the repository's main resources (core, adapter, runtime, plugins, the CLI)
 * follows {@link Texts}' one naming scheme, has the same keys in English, French and Dutch, and
 * formats with dummy arguments without error and without a stray quote: MessageFormat would
 * silently swallow a single apostrophe and the text after it.
 */
class TextsBundlesTest {

  /** A single quote that is neither doubled nor quoting a brace ({@code '{'}) swallows text. */
  private static final Pattern QUOTED_BRACES = Pattern.compile("'[^']*[{}][^']*'");

  private static final Pattern BUNDLE = Pattern.compile("messages(_fr|_nl)?\\.properties");

  private static final Pattern LOCALIZED = Pattern.compile(".*_(fr|nl|en)\\.properties");

  private static List<Path> resourceFolders;

  @BeforeAll
  static void findTheRepository() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("participation-core"))) {
      root = root.getParent();
    }
    assertThat(root).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    try (Stream<Path> paths = Files.walk(root)) {
      resourceFolders =
          paths
              .filter(Files::isDirectory)
              .filter(p -> p.endsWith(Path.of("src", "main", "resources")))
              .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/."))
              .sorted()
              .toList();
    }
    assertThat(resourceFolders).isNotEmpty();
  }

  @Test
  void everyBundleHasTheSameKeysInTheThreeLanguages() throws IOException {
    Map<Path, List<Path>> bundles = bundles();
    assertThat(bundles.keySet().stream().map(Path::toString))
        .as("the bundles found")
        .anyMatch(p -> p.endsWith("org/polity/process"))
        .anyMatch(p -> p.endsWith("org/polity/eligibility"))
        .anyMatch(p -> p.endsWith("org/polity/jakarta/problem"))
        .anyMatch(p -> p.endsWith("org/polity/app/demo"));
    for (Path folder : bundles.keySet()) {
      Properties english = load(folder.resolve("messages.properties"));
      assertThat(english).as("%s/messages.properties", folder).isNotEmpty();
      for (String language : List.of("fr", "nl")) {
        Path file = folder.resolve("messages_" + language + ".properties");
        assertThat(file).as("the %s texts beside %s", language, folder).exists();
        assertThat(load(file).stringPropertyNames())
            .as("the keys of %s", file)
            .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
      }
    }
  }

  @Test
  void everyPatternFormatsWithoutErrorOrStrayQuote() throws IOException {
    List<String> defects = new ArrayList<>();
    for (List<Path> files : bundles().values()) {
      for (Path file : files) {
        Properties texts = load(file);
        for (String key : new TreeMap<>(texts).keySet().stream().map(String::valueOf).toList()) {
          String pattern = texts.getProperty(key);
          String where = file + ": " + key;
          String unquoted = QUOTED_BRACES.matcher(pattern.replace("''", "")).replaceAll("");
          if (unquoted.contains("'")) {
            defects.add(where + ": a single ' (write '' or ’): " + pattern);
            continue;
          }
          String text;
          try {
            MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
            text = format.format(dummies(format));
          } catch (IllegalArgumentException e) {
            defects.add(where + ": " + e.getMessage() + ": " + pattern);
            continue;
          }
          if (text.contains("''") || text.matches("(?s).*\\{\\d.*")) {
            defects.add(where + ": the output keeps quotes or placeholders: " + text);
          }
        }
      }
    }
    assertThat(defects).isEmpty();
  }

  @Test
  void noBundleOfAnotherNamingSchemeIsLeft() throws IOException {
    List<String> others = new ArrayList<>();
    for (Path folder : resourceFolders) {
      try (Stream<Path> paths = Files.walk(folder)) {
        paths
            .filter(p -> LOCALIZED.matcher(p.getFileName().toString()).matches())
            .filter(p -> !BUNDLE.matcher(p.getFileName().toString()).matches())
            .forEach(p -> others.add(p.toString()));
      }
    }
    assertThat(others).as("bundles not named messages*.properties").isEmpty();
  }

  /** A dummy for each argument: a number where the pattern formats a number, a word otherwise. */
  private static Object[] dummies(MessageFormat format) {
    Object[] dummies = new Object[format.getFormatsByArgumentIndex().length];
    for (int i = 0; i < dummies.length; i++) {
      java.text.Format f = format.getFormatsByArgumentIndex()[i];
      dummies[i] =
          f instanceof java.text.NumberFormat || f instanceof java.text.ChoiceFormat
              ? (Object) 1234
              : f instanceof java.text.DateFormat ? (Object) new java.util.Date(0) : "x" + i;
    }
    return dummies;
  }

  /** The folders holding {@code messages*.properties}, each with its files. */
  private static Map<Path, List<Path>> bundles() throws IOException {
    Map<Path, List<Path>> bundles = new TreeMap<>();
    for (Path folder : resourceFolders) {
      try (Stream<Path> paths = Files.walk(folder)) {
        bundles.putAll(
            paths
                .filter(p -> BUNDLE.matcher(p.getFileName().toString()).matches())
                .collect(Collectors.groupingBy(Path::getParent)));
      }
    }
    bundles.values().forEach(files -> files.sort(null));
    return bundles;
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    return properties;
  }
}
