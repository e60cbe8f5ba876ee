package org.polity.project;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.common.Money;

/**
 * What authors submit: an idea with its title, description, themes, estimated cost, optional
 * location and district, authors, attachments and the channel it came through. The edition checks
 * it against its rules (known themes and districts, currency, authors' age) when it is submitted.
 *
 * <pre>{@code
 * ProjectProposal idea = ProjectProposal.builder()
 *     .title(LocalizedText.of("fr", "Un potager collectif").with("nl", "Een gemeenschappelijke moestuin"))
 *     .description(LocalizedText.of("fr", "Des bacs potagers au parc."))
 *     .theme("greenery")
 *     .estimatedCost(Money.of(12_000, "EUR"))
 *     .location(ProjectLocation.point(4.3387, 50.8427))
 *     .district("Centre")
 *     .author(new Author.Resident("Amina", 34))
 *     .channel(new Channel.PaperForm("staff:marc"))
 *     .build();
 * }</pre>
 *
 * @param title the title, not blank
 * @param description the description, not blank
 * @param themes the theme ids, in order; copied
 * @param estimatedCost the authors' estimate, not negative
 * @param location where, if somewhere in particular
 * @param district the district, if any
 * @param authors the authors, at least one; copied
 * @param attachments the attachments' metadata; copied
 * @param channel how it was submitted
 */
public record ProjectProposal(
    LocalizedText title,
    LocalizedText description,
    Set<String> themes,
    Money estimatedCost,
    Optional<ProjectLocation> location,
    Optional<String> district,
    List<Author> authors,
    List<Attachment> attachments,
    Channel channel) {

  /** Validates the proposal. */
  public ProjectProposal {
    Objects.requireNonNull(title, "The title is missing: give a non-blank title.");
    Objects.requireNonNull(
        description, "The description is missing: give a non-blank description.");
    Objects.requireNonNull(
        estimatedCost,
        "The estimated cost is missing: give an amount such as Money.of(10000, \"EUR\").");
    if (estimatedCost.isNegative()) {
      throw new IllegalArgumentException(
          "The estimated cost " + estimatedCost + " is negative: give an amount of zero or more.");
    }
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(district, "district");
    district.ifPresent(
        d -> {
          if (d.isBlank()) {
            throw new IllegalArgumentException(
                "The district is blank: give a district name or leave it out.");
          }
        });
    themes =
        java.util.Collections.unmodifiableSet(
            new LinkedHashSet<>(Objects.requireNonNull(themes, "themes")));
    authors = List.copyOf(Objects.requireNonNull(authors, "authors"));
    if (authors.isEmpty()) {
      throw new IllegalArgumentException(
          "The idea has no author: give at least one resident, association or assembly.");
    }
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    Objects.requireNonNull(
        channel,
        "The channel is missing: say whether the idea came online, on paper or from an assembly.");
  }

  /**
   * A builder (online channel by default).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectProposal}; validation happens in {@link #build()}. */
  public static final class Builder {
    private LocalizedText title;
    private LocalizedText description;
    private final Set<String> themes = new LinkedHashSet<>();
    private Money estimatedCost;
    private ProjectLocation location;
    private String district;
    private final List<Author> authors = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private Channel channel = new Channel.Online();

    private Builder() {}

    /**
     * Sets the title.
     *
     * @param title the title
     * @return this builder
     */
    public Builder title(LocalizedText title) {
      this.title = title;
      return this;
    }

    /**
     * Sets the description.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(LocalizedText description) {
      this.description = description;
      return this;
    }

    /**
     * Adds a theme by id.
     *
     * @param themeId a theme of the edition
     * @return this builder
     */
    public Builder theme(String themeId) {
      this.themes.add(themeId);
      return this;
    }

    /**
     * Sets the authors' cost estimate.
     *
     * @param cost the estimate
     * @return this builder
     */
    public Builder estimatedCost(Money cost) {
      this.estimatedCost = cost;
      return this;
    }

    /**
     * Sets the location.
     *
     * @param location the location, or null for none
     * @return this builder
     */
    public Builder location(ProjectLocation location) {
      this.location = location;
      return this;
    }

    /**
     * Sets the district.
     *
     * @param district a district of the territory, or null for none
     * @return this builder
     */
    public Builder district(String district) {
      this.district = district;
      return this;
    }

    /**
     * Adds an author.
     *
     * @param author the author
     * @return this builder
     */
    public Builder author(Author author) {
      this.authors.add(Objects.requireNonNull(author, "author"));
      return this;
    }

    /**
     * Adds an attachment's metadata.
     *
     * @param attachment the attachment
     * @return this builder
     */
    public Builder attachment(Attachment attachment) {
      this.attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    /**
     * Sets the channel (default online).
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Validates and builds the proposal.
     *
     * @return the proposal
     */
    public ProjectProposal build() {
      return new ProjectProposal(
          title,
          description,
          themes,
          estimatedCost,
          Optional.ofNullable(location),
          Optional.ofNullable(district),
          authors,
          attachments,
          channel);
    }
  }
}
