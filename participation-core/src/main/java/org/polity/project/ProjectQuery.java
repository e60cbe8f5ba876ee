package org.polity.project;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.polity.common.LocalizedText;

/**
 * Which projects of an edition to show, in which order, and which page of them: the query behind a
 * project list (the REST list, a portal's page). Build one with {@link #builder()}; run it with
 * {@link #page(Collection)} or {@link Edition#find(ProjectQuery)}.
 *
 * <pre>{@code
 * ProjectPage page = edition.find(ProjectQuery.builder()
 *     .status(ProjectStatus.ON_BALLOT).theme("greenery").search("potager")
 *     .sort(ProjectQuery.Sort.TITLE, false).language(Locale.FRENCH)
 *     .offset(0).limit(20).build());
 * }</pre>
 *
 * A project matches when its status is one of {@code statuses} (any status when empty), it has
 * {@code theme} and lies in {@code district} (when given), and every word of {@code search} appears
 * in its title or its description, in any language, ignoring case and accents. Matching projects
 * are sorted by the sort key (titles in {@code language}, ignoring case), ties broken by project
 * id; descending reverses the whole order, ties included.
 *
 * @param statuses the statuses to keep; empty for every status
 * @param theme only projects with this theme, if given
 * @param district only projects in this district, if given
 * @param search words that must all appear in a title or description, if given
 * @param sort the sort key
 * @param descending whether the order is reversed
 * @param language the language of the titles when sorting by title
 * @param offset how many matching projects to skip (0 or more)
 * @param limit at most this many projects on the page (1 or more)
 */
public record ProjectQuery(
    Set<ProjectStatus> statuses,
    Optional<String> theme,
    Optional<String> district,
    Optional<String> search,
    Sort sort,
    boolean descending,
    Locale language,
    int offset,
    int limit) {

  /** The page size when none is given. */
  public static final int DEFAULT_LIMIT = 50;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** What projects are sorted by. */
  public enum Sort {
    /** Submission time (the default): oldest first. */
    SUBMITTED("submitted"),
    /** Title in the query's language, ignoring case. */
    TITLE("title"),
    /** Cost (the reviewed estimate once reviewed). */
    COST("cost"),
    /** Status, in the order of {@link ProjectStatus}. */
    STATUS("status");

    private final String key;

    Sort(String key) {
      this.key = key;
    }

    /**
     * The key as clients write it, such as {@code title}.
     *
     * @return the key
     */
    public String key() {
      return key;
    }

    /**
     * The sort key named {@code key}.
     *
     * @param key {@code submitted}, {@code title}, {@code cost} or {@code status}
     * @return the sort key
     * @throws IllegalArgumentException naming the keys for any other value
     */
    public static Sort of(String key) {
      for (Sort sort : values()) {
        if (sort.key.equals(key)) {
          return sort;
        }
      }
      throw new IllegalArgumentException(
          "The sort key '" + key + "' is not known: use submitted, title, cost or status.");
    }
  }

  /**
   * Checks the query.
   *
   * @throws IllegalArgumentException for a negative offset or a limit below 1
   */
  public ProjectQuery {
    statuses =
        statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    theme = Objects.requireNonNull(theme, "theme");
    district = Objects.requireNonNull(district, "district");
    search = Objects.requireNonNull(search, "search").map(String::strip).filter(s -> !s.isEmpty());
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(language, "language");
    if (offset < 0) {
      throw new IllegalArgumentException(
          "The offset is " + offset + ": give 0 or more (how many projects to skip).");
    }
    if (limit < 1) {
      throw new IllegalArgumentException(
          "The limit is " + limit + ": give 1 or more (how many projects on a page).");
    }
  }

  /**
   * A builder: every status, no filter, by submission, offset 0, {@value #DEFAULT_LIMIT} a page,
   * titles in English.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a project matches the filters (status, theme, district, search).
   *
   * @param project the project
   * @return whether it matches
   */
  public boolean matches(Project project) {
    if (!statuses.isEmpty() && !statuses.contains(project.status())) {
      return false;
    }
    if (theme.isPresent() && !project.themes().contains(theme.get())) {
      return false;
    }
    if (district.isPresent() && !project.district().map(district.get()::equals).orElse(false)) {
      return false;
    }
    if (search.isPresent()) {
      List<String> texts = new ArrayList<>();
      addAll(texts, project.title());
      addAll(texts, project.proposal().description());
      for (String word : SPACES.split(fold(search.get()))) {
        if (texts.stream().noneMatch(text -> text.contains(word))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The order of the matching projects: the sort key, then the project id; reversed when
   * descending.
   *
   * @return the comparator
   */
  public Comparator<Project> order() {
    Comparator<Project> order =
        switch (sort) {
          case TITLE ->
              Comparator.comparing(
                  (Project p) -> p.title().in(language), String.CASE_INSENSITIVE_ORDER);
          case COST -> Comparator.comparing(Project::cost);
          case STATUS -> Comparator.comparing(Project::status);
          case SUBMITTED -> Comparator.comparing(Project::submittedAt);
        };
    order = order.thenComparing(p -> p.id().value());
    return descending ? order.reversed() : order;
  }

  /**
   * Runs the query.
   *
   * @param projects the projects to choose from, such as {@link Edition#projects()}
   * @return the page, with the number of matching projects
   */
  public ProjectPage page(Collection<Project> projects) {
    List<Project> matching = new ArrayList<>();
    for (Project project : projects) {
      if (matches(project)) {
        matching.add(project);
      }
    }
    matching.sort(order());
    List<Project> page = matching.stream().skip(offset).limit(limit).toList();
    return new ProjectPage(page, matching.size(), offset, limit);
  }

  private static void addAll(List<String> texts, LocalizedText text) {
    for (String value : text.texts().values()) {
      texts.add(fold(value));
    }
  }

  /** Lower case without accents, so that "Écoles" finds "ecoles". */
  private static String fold(String text) {
    return MARKS
        .matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link ProjectQuery}; each option has a default. */
  public static final class Builder {
    private final Set<ProjectStatus> statuses = EnumSet.noneOf(ProjectStatus.class);
    private String theme;
    private String district;
    private String search;
    private Sort sort = Sort.SUBMITTED;
    private boolean descending;
    private Locale language = Locale.ENGLISH;
    private int offset;
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    /**
     * Keeps projects of this status too (call again for more statuses; none: every status).
     *
     * @param status a status
     * @return this builder
     */
    public Builder status(ProjectStatus status) {
      statuses.add(Objects.requireNonNull(status, "status"));
      return this;
    }

    /**
     * Keeps projects of these statuses too.
     *
     * @param more statuses
     * @return this builder
     */
    public Builder statuses(Collection<ProjectStatus> more) {
      more.forEach(this::status);
      return this;
    }

    /**
     * Keeps only projects with this theme.
     *
     * @param theme the theme's id, or null for any theme
     * @return this builder
     */
    public Builder theme(String theme) {
      this.theme = theme;
      return this;
    }

    /**
     * Keeps only projects in this district.
     *
     * @param district the district's name, or null for any district
     * @return this builder
     */
    public Builder district(String district) {
      this.district = district;
      return this;
    }

    /**
     * Keeps only projects whose titles or descriptions contain every word of {@code search}.
     *
     * @param search the words, or null (or blank) for no search
     * @return this builder
     */
    public Builder search(String search) {
      this.search = search;
      return this;
    }

    /**
     * Sorts by a key.
     *
     * @param sort the key
     * @param descending whether to reverse the order
     * @return this builder
     */
    public Builder sort(Sort sort, boolean descending) {
      this.sort = Objects.requireNonNull(sort, "sort");
      this.descending = descending;
      return this;
    }

    /**
     * Sets the language of titles, for sorting by title.
     *
     * @param language the reader's language
     * @return this builder
     */
    public Builder language(Locale language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /**
     * Skips this many matching projects.
     *
     * @param offset 0 or more
     * @return this builder
     */
    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    /**
     * Puts at most this many projects on the page.
     *
     * @param limit 1 or more
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /**
     * The query.
     *
     * @return the query
     * @throws IllegalArgumentException for a negative offset or a limit below 1
     */
    public ProjectQuery build() {
      return new ProjectQuery(
          statuses,
          Optional.ofNullable(theme),
          Optional.ofNullable(district),
          Optional.ofNullable(search),
          sort,
          descending,
          language,
          offset,
          limit);
    }
  }
}
