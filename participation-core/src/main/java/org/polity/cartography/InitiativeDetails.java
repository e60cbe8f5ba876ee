package org.polity.cartography;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.polity.common.LocalizedText;

/**
 * Everything an organiser says about an initiative: what it is, who runs it, for whom, at which
 * scale, how people take part and are recruited, when, how to reach it, and where. Organisers
 * propose and edit these details; the {@link InitiativeRegistry} keeps who changed what.
 *
 * <pre>{@code
 * InitiativeDetails details = InitiativeDetails.builder()
 *     .title(LocalizedText.of("fr", "Budget participatif d'Ixelles").with("nl", "Burgerbegroting Elsene"))
 *     .kind(InitiativeKind.PARTICIPATORY_BUDGET)
 *     .organiser("Commune d'Ixelles", OrganiserType.PUBLIC_BODY)
 *     .theme("mobility").theme("green-spaces")
 *     .scale(Scale.MUNICIPALITY)
 *     .mode(ParticipationMode.BOTH)
 *     .recruitment(Recruitment.OPEN)
 *     .period(Period.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 30)))
 *     .place(Place.point(4.3725, 50.8333))
 *     .build();
 * }</pre>
 *
 * @param title the title, in one or more languages
 * @param description the description, or null
 * @param kind the kind of initiative
 * @param organiser the organiser's name
 * @param organiserType the kind of organiser
 * @param themes theme codes (lower case words such as {@code mobility}), in insertion order
 * @param audience who it is for (free text such as "young people", in one or more languages), or
 *     null when open to all
 * @param scale the territorial scale
 * @param mode in person, online or both
 * @param recruitment how participants are recruited
 * @param period when it runs
 * @param contact how to reach it
 * @param place where it happens
 */
public record InitiativeDetails(
    LocalizedText title,
    LocalizedText description,
    InitiativeKind kind,
    String organiser,
    OrganiserType organiserType,
    Set<String> themes,
    LocalizedText audience,
    Scale scale,
    ParticipationMode mode,
    Recruitment recruitment,
    Period period,
    Contact contact,
    Place place) {

  /** Refuses missing required parts and malformed theme codes; copies the themes. */
  public InitiativeDetails {
    require(title, "title", "LocalizedText.of(\"fr\", \"...\")");
    require(kind, "kind", "an InitiativeKind");
    if (organiser == null || organiser.isBlank()) {
      throw new IllegalArgumentException(
          "The organiser is missing: give the name of the body, association or group that runs the"
              + " initiative.");
    }
    organiser = organiser.strip();
    require(organiserType, "organiser type", "an OrganiserType");
    require(themes, "themes", "a set of theme codes (may be empty)");
    for (String theme : themes) {
      if (theme == null || !theme.matches("[a-z0-9][a-z0-9-]{0,63}")) {
        throw new IllegalArgumentException(
            "The theme '"
                + theme
                + "' is not a theme code: use lower-case words joined by '-',"
                + " such as \"green-spaces\".");
      }
    }
    themes = Collections.unmodifiableSet(new LinkedHashSet<>(themes));
    require(scale, "scale", "a Scale");
    require(mode, "participation mode", "a ParticipationMode");
    require(recruitment, "recruitment", "a Recruitment");
    require(period, "period", "Period.unknown() when the dates are not known");
    require(contact, "contact", "Contact.none() when there is none");
    require(place, "place", "Place.point(lon, lat) or Place.area(polygon)");
  }

  private static void require(Object value, String what, String fix) {
    if (value == null) {
      throw new IllegalArgumentException("The " + what + " is missing: give " + fix + ".");
    }
  }

  /**
   * @return the description, if any
   */
  public Optional<LocalizedText> optionalDescription() {
    return Optional.ofNullable(description);
  }

  /**
   * @return the audience, if any
   */
  public Optional<LocalizedText> optionalAudience() {
    return Optional.ofNullable(audience);
  }

  /**
   * The names of the parts that differ from other details, in declaration order (for the history).
   *
   * @param other the details to compare with
   * @return the names such as {@code title}, {@code place}
   */
  public List<String> differencesFrom(InitiativeDetails other) {
    List<String> changed = new ArrayList<>();
    diff(changed, "title", title, other.title);
    diff(changed, "description", description, other.description);
    diff(changed, "kind", kind, other.kind);
    diff(changed, "organiser", organiser, other.organiser);
    diff(changed, "organiserType", organiserType, other.organiserType);
    diff(changed, "themes", List.copyOf(themes), List.copyOf(other.themes));
    diff(changed, "audience", audience, other.audience);
    diff(changed, "scale", scale, other.scale);
    diff(changed, "mode", mode, other.mode);
    diff(changed, "recruitment", recruitment, other.recruitment);
    diff(changed, "period", period, other.period);
    diff(changed, "contact", contact, other.contact);
    diff(changed, "place", place, other.place);
    return List.copyOf(changed);
  }

  private static void diff(List<String> changed, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      changed.add(name);
    }
  }

  /**
   * A builder; mode defaults to in person, recruitment to open, period to unknown, contact to none.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these details, to change some of them.
   *
   * @return a builder holding a copy of every part
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.title = title;
    builder.description = description;
    builder.kind = kind;
    builder.organiser = organiser;
    builder.organiserType = organiserType;
    builder.themes.addAll(themes);
    builder.audience = audience;
    builder.scale = scale;
    builder.mode = mode;
    builder.recruitment = recruitment;
    builder.period = period;
    builder.contact = contact;
    builder.place = place;
    return builder;
  }

  /** Builds {@link InitiativeDetails}; {@link #build()} validates. */
  public static final class Builder {
    private LocalizedText title;
    private LocalizedText description;
    private InitiativeKind kind;
    private String organiser;
    private OrganiserType organiserType;
    private final Set<String> themes = new LinkedHashSet<>();
    private LocalizedText audience;
    private Scale scale;
    private ParticipationMode mode = ParticipationMode.IN_PERSON;
    private Recruitment recruitment = Recruitment.OPEN;
    private Period period = Period.unknown();
    private Contact contact = Contact.none();
    private Place place;

    private Builder() {}

    /**
     * @param title the title
     * @return this builder
     */
    public Builder title(LocalizedText title) {
      this.title = title;
      return this;
    }

    /**
     * @param description the description, or null
     * @return this builder
     */
    public Builder description(LocalizedText description) {
      this.description = description;
      return this;
    }

    /**
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(InitiativeKind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * @param name the organiser's name
     * @param type the kind of organiser
     * @return this builder
     */
    public Builder organiser(String name, OrganiserType type) {
      this.organiser = name;
      this.organiserType = type;
      return this;
    }

    /**
     * Adds a theme.
     *
     * @param theme a theme code
     * @return this builder
     */
    public Builder theme(String theme) {
      this.themes.add(theme);
      return this;
    }

    /**
     * Replaces the themes.
     *
     * @param themes theme codes
     * @return this builder
     */
    public Builder themes(Set<String> themes) {
      this.themes.clear();
      this.themes.addAll(themes);
      return this;
    }

    /**
     * @param audience who it is for, or null
     * @return this builder
     */
    public Builder audience(LocalizedText audience) {
      this.audience = audience;
      return this;
    }

    /**
     * @param scale the scale
     * @return this builder
     */
    public Builder scale(Scale scale) {
      this.scale = scale;
      return this;
    }

    /**
     * @param mode the participation mode
     * @return this builder
     */
    public Builder mode(ParticipationMode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * @param recruitment the recruitment
     * @return this builder
     */
    public Builder recruitment(Recruitment recruitment) {
      this.recruitment = recruitment;
      return this;
    }

    /**
     * @param period the dates
     * @return this builder
     */
    public Builder period(Period period) {
      this.period = period;
      return this;
    }

    /**
     * @param contact the contact details
     * @return this builder
     */
    public Builder contact(Contact contact) {
      this.contact = contact;
      return this;
    }

    /**
     * @param place where
     * @return this builder
     */
    public Builder place(Place place) {
      this.place = place;
      return this;
    }

    /**
     * @return the details
     * @throws IllegalArgumentException naming the first missing or malformed part
     */
    public InitiativeDetails build() {
      return new InitiativeDetails(
          title,
          description,
          kind,
          organiser,
          organiserType,
          themes,
          audience,
          scale,
          mode,
          recruitment,
          period,
          contact,
          place);
    }
  }
}
