package org.polity.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusSource;
import org.polity.geo.Area;
import org.polity.geo.AreaCollection;
import org.polity.identity.ParticipantKey;

/**
 * The building blocks of eligibility rules and their composition.
 *
 * <pre>{@code
 * // Residents of Auderghem aged 10 or more on the voting day
 * EligibilityRule voters = Rules.allOf(
 *     Rules.minimumAge(10, ReferenceDate.on(LocalDate.of(2026, 5, 31))),
 *     Rules.livesInArea(municipalities, "21002"));
 * }</pre>
 *
 * <h2>Ages</h2>
 *
 * An age is the number of whole years from the birth date to the reference date ({@link
 * Period#between}). A person born on 29 February has their birthday on <b>1 March</b> in non-leap
 * years: born 2016-02-29, they are 9 on 2026-02-28 and 10 on 2026-03-01. Ages are computed from a
 * birth date verified at least by an identity provider by default, never from a self-declared year.
 *
 * <h2>Residence</h2>
 *
 * By municipality code, by postal code, or by the address point inside areas (JTS {@code covers}: a
 * point exactly on a border belongs to both areas, see {@link AreaCollection}). Addresses must be
 * verified at least by an identity provider by default.
 */
public final class Rules {

  private Rules() {}

  /**
   * Everyone, even anonymous visitors.
   *
   * @return the rule
   */
  public static EligibilityRule everyone() {
    return new Everyone();
  }

  /**
   * No one: the action is closed.
   *
   * @return the rule
   */
  public static EligibilityRule nobody() {
    return new Nobody();
  }

  /**
   * Eligible when every rule is: otherwise ineligible if one of them is, unresolved if not, with
   * the reasons of every rule that did not pass.
   *
   * @param rules at least one rule
   * @return the rule
   */
  public static EligibilityRule allOf(EligibilityRule... rules) {
    return new AllOf(List.of(rules));
  }

  /**
   * Eligible when one rule is: otherwise unresolved if one of them is, ineligible if not, with the
   * reasons of every rule.
   *
   * @param rules at least one rule
   * @return the rule
   */
  public static EligibilityRule anyOf(EligibilityRule... rules) {
    return new AnyOf(List.of(rules));
  }

  /**
   * The negation of a rule: eligible when it is ineligible, ineligible ({@link
   * ReasonCode#EXCLUDED}) when it is eligible, and unresolved, with its reasons, when it is
   * unresolved.
   *
   * @param rule the rule
   * @return the rule
   */
  public static EligibilityRule not(EligibilityRule rule) {
    return new Not(rule);
  }

  /**
   * At least {@code years} old on a reference date.
   *
   * @param years the minimum age
   * @param on the reference date
   * @return the rule (birth date verified at least by an identity provider)
   */
  public static Age minimumAge(int years, ReferenceDate on) {
    return new Age(years, null, on, VerificationLevel.IDENTITY_PROVIDER);
  }

  /**
   * At most {@code years} old on a reference date.
   *
   * @param years the maximum age
   * @param on the reference date
   * @return the rule
   */
  public static Age maximumAge(int years, ReferenceDate on) {
    return new Age(null, years, on, VerificationLevel.IDENTITY_PROVIDER);
  }

  /**
   * Between two ages, both included, on a reference date.
   *
   * @param minimum the minimum age
   * @param maximum the maximum age
   * @param on the reference date
   * @return the rule
   */
  public static Age ageBetween(int minimum, int maximum, ReferenceDate on) {
    return new Age(minimum, maximum, on, VerificationLevel.IDENTITY_PROVIDER);
  }

  /**
   * Lives in one of the municipalities, by official code.
   *
   * @param name the territory's name for messages (e.g. "Auderghem" / "Oudergem")
   * @param codes the municipality codes (NIS, INSEE...)
   * @return the rule
   */
  public static Municipality livesInMunicipality(LocalizedText name, String... codes) {
    return new Municipality(Set.of(codes), name, VerificationLevel.IDENTITY_PROVIDER);
  }

  /**
   * Lives at one of the postal codes.
   *
   * @param codes the postal codes
   * @return the rule
   */
  public static PostalCode livesAtPostalCode(String... codes) {
    return new PostalCode(Set.of(codes), VerificationLevel.IDENTITY_PROVIDER);
  }

  /**
   * Has an address point inside (or on the border of) one of the areas.
   *
   * @param areas the areas (municipalities, districts)
   * @param ids the identifiers of the qualifying areas; all of them if none given
   * @return the rule
   */
  public static InArea livesInArea(AreaCollection areas, String... ids) {
    List<String> selected =
        ids.length == 0 ? areas.areas().stream().map(Area::id).toList() : List.of(ids);
    return new InArea(areas, selected, VerificationLevel.IDENTITY_PROVIDER);
  }

  /**
   * Is identified, at least at a level.
   *
   * @param level the minimum level of the identity's verification
   * @return the rule
   */
  public static EligibilityRule identifiedAtLeast(VerificationLevel level) {
    return new Identified(level);
  }

  /**
   * Is on a census list or register (the person must be identified, at any level: combine with
   * {@link #identifiedAtLeast} to require more).
   *
   * @param census the register
   * @return the rule
   */
  public static EligibilityRule memberOf(CensusSource census) {
    return new Member(census);
  }

  /** Anyone. */
  record Everyone() implements EligibilityRule {
    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      return Decision.eligible();
    }
  }

  /** No one. */
  record Nobody() implements EligibilityRule {
    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      return Decision.ineligible(Reason.of(ReasonCode.NOT_ALLOWED));
    }
  }

  /**
   * All of the rules.
   *
   * @param rules the rules; not empty
   */
  public record AllOf(List<EligibilityRule> rules) implements EligibilityRule {
    /** Refuses an empty list. */
    public AllOf {
      rules = nonEmpty(rules, "allOf");
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      List<Reason> reasons = new ArrayList<>();
      boolean ineligible = false;
      for (EligibilityRule rule : rules) {
        Decision decision = rule.decide(evidence, context);
        reasons.addAll(decision.reasons());
        ineligible |= decision instanceof Decision.Ineligible;
      }
      if (reasons.isEmpty()) {
        return Decision.eligible();
      }
      return ineligible ? new Decision.Ineligible(reasons) : new Decision.Unresolved(reasons);
    }
  }

  /**
   * Any of the rules.
   *
   * @param rules the rules; not empty
   */
  public record AnyOf(List<EligibilityRule> rules) implements EligibilityRule {
    /** Refuses an empty list. */
    public AnyOf {
      rules = nonEmpty(rules, "anyOf");
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      List<Reason> reasons = new ArrayList<>();
      boolean unresolved = false;
      for (EligibilityRule rule : rules) {
        Decision decision = rule.decide(evidence, context);
        if (decision.isEligible()) {
          return decision;
        }
        reasons.addAll(decision.reasons());
        unresolved |= decision instanceof Decision.Unresolved;
      }
      return unresolved ? new Decision.Unresolved(reasons) : new Decision.Ineligible(reasons);
    }
  }

  /**
   * The negation of a rule.
   *
   * @param rule the rule
   */
  public record Not(EligibilityRule rule) implements EligibilityRule {
    /** Refuses a missing rule. */
    public Not {
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Decision decision = rule.decide(evidence, context);
      if (decision instanceof Decision.Eligible) {
        return Decision.ineligible(Reason.of(ReasonCode.EXCLUDED));
      }
      if (decision instanceof Decision.Ineligible) {
        return Decision.eligible();
      }
      return decision;
    }
  }

  /**
   * An age range on a reference date, from a verified birth date.
   *
   * @param minimum the minimum age, or null
   * @param maximum the maximum age (included), or null
   * @param on the reference date
   * @param required the minimum verification of the birth date
   */
  public record Age(Integer minimum, Integer maximum, ReferenceDate on, VerificationLevel required)
      implements EligibilityRule {
    /** Refuses an empty, negative or inverted range. */
    public Age {
      Objects.requireNonNull(on, "on");
      Objects.requireNonNull(required, "required");
      if (minimum == null && maximum == null) {
        throw new IllegalArgumentException("An age rule needs a minimum, a maximum or both.");
      }
      if ((minimum != null && minimum < 0) || (maximum != null && maximum < 0)) {
        throw new IllegalArgumentException(
            "Ages must be 0 or more; got minimum " + minimum + ", maximum " + maximum + ".");
      }
      if (minimum != null && maximum != null && minimum > maximum) {
        throw new IllegalArgumentException(
            "The minimum age " + minimum + " is above the maximum age " + maximum + ".");
      }
    }

    /**
     * This rule, accepting birth dates verified at another level.
     *
     * @param level the minimum verification of the birth date
     * @return the rule
     */
    public Age verifiedAtLeast(VerificationLevel level) {
      return new Age(minimum, maximum, on, level);
    }

    /**
     * The age in whole years on a date (29 February birthdays fall on 1 March in non-leap years).
     *
     * @param birthDate the birth date
     * @param date the reference date
     * @return the age; -1 if born after the date
     */
    public static int ageOn(LocalDate birthDate, LocalDate date) {
      if (date.isBefore(birthDate)) {
        return -1;
      }
      return Period.between(birthDate, date).getYears();
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Checked<LocalDate> birth =
          check(evidence.birthDate(), Attribute.BIRTH_DATE, required, context);
      if (birth.refusal != null) {
        return birth.refusal;
      }
      LocalDate date = on.resolve(context);
      int age = ageOn(birth.value, date);
      if (minimum != null && age < minimum) {
        return Decision.ineligible(Reason.of(ReasonCode.TOO_YOUNG, minimum, date));
      }
      if (maximum != null && age > maximum) {
        return Decision.ineligible(Reason.of(ReasonCode.TOO_OLD, maximum, date));
      }
      return Decision.eligible();
    }
  }

  /**
   * Residence by municipality code.
   *
   * @param codes the qualifying codes
   * @param name the territory's name, for messages
   * @param required the minimum verification of the address
   */
  public record Municipality(Set<String> codes, LocalizedText name, VerificationLevel required)
      implements EligibilityRule {
    /** Refuses an empty set. */
    public Municipality {
      codes = nonEmptyCodes(codes, "municipality codes");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(required, "required");
    }

    /**
     * @param level the minimum verification of the address
     * @return this rule with another level
     */
    public Municipality verifiedAtLeast(VerificationLevel level) {
      return new Municipality(codes, name, level);
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Checked<Address> address = check(evidence.address(), Attribute.ADDRESS, required, context);
      if (address.refusal != null) {
        return address.refusal;
      }
      if (address.value.municipalityCode() == null) {
        return Decision.unresolved(
            Reason.of(ReasonCode.ADDRESS_INCOMPLETE, AddressPart.MUNICIPALITY));
      }
      return codes.contains(address.value.municipalityCode())
          ? Decision.eligible()
          : Decision.ineligible(Reason.of(ReasonCode.NOT_RESIDENT, name));
    }
  }

  /**
   * Residence by postal code.
   *
   * @param codes the qualifying postal codes
   * @param required the minimum verification of the address
   */
  public record PostalCode(Set<String> codes, VerificationLevel required)
      implements EligibilityRule {
    /** Refuses an empty set. */
    public PostalCode {
      codes = nonEmptyCodes(codes, "postal codes");
      Objects.requireNonNull(required, "required");
    }

    /**
     * @param level the minimum verification of the address
     * @return this rule with another level
     */
    public PostalCode verifiedAtLeast(VerificationLevel level) {
      return new PostalCode(codes, level);
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Checked<Address> address = check(evidence.address(), Attribute.ADDRESS, required, context);
      if (address.refusal != null) {
        return address.refusal;
      }
      if (address.value.postalCode() == null) {
        return Decision.unresolved(
            Reason.of(ReasonCode.ADDRESS_INCOMPLETE, AddressPart.POSTAL_CODE));
      }
      return codes.contains(address.value.postalCode())
          ? Decision.eligible()
          : Decision.ineligible(
              Reason.of(ReasonCode.POSTAL_CODE_OUTSIDE, codes.stream().sorted().toList()));
    }
  }

  /**
   * Residence by address point inside areas (a point on a border counts as inside).
   *
   * @param areas the areas
   * @param ids the qualifying areas' identifiers
   * @param required the minimum verification of the address
   */
  public record InArea(AreaCollection areas, List<String> ids, VerificationLevel required)
      implements EligibilityRule {
    /** Refuses unknown area identifiers. */
    public InArea {
      Objects.requireNonNull(areas, "areas");
      Objects.requireNonNull(required, "required");
      ids = List.copyOf(ids);
      if (ids.isEmpty()) {
        throw new IllegalArgumentException("An area rule needs at least one area.");
      }
      ids.forEach(areas::require);
    }

    /**
     * @param level the minimum verification of the address
     * @return this rule with another level
     */
    public InArea verifiedAtLeast(VerificationLevel level) {
      return new InArea(areas, ids, level);
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Checked<Address> address = check(evidence.address(), Attribute.ADDRESS, required, context);
      if (address.refusal != null) {
        return address.refusal;
      }
      if (address.value.point() == null) {
        return Decision.unresolved(Reason.of(ReasonCode.ADDRESS_INCOMPLETE, AddressPart.POINT));
      }
      for (String id : ids) {
        if (areas.covers(id, address.value.point())) {
          return Decision.eligible();
        }
      }
      List<LocalizedText> names = ids.stream().map(id -> nameOf(areas.require(id))).toList();
      return Decision.ineligible(Reason.of(ReasonCode.OUTSIDE_AREA, names));
    }
  }

  /**
   * Identified at least at a level.
   *
   * @param required the minimum level
   */
  record Identified(VerificationLevel required) implements EligibilityRule {
    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Checked<ParticipantKey> identity =
          check(evidence.identity(), Attribute.IDENTITY, required, context);
      return identity.refusal != null ? identity.refusal : Decision.eligible();
    }
  }

  /**
   * On a census list.
   *
   * @param census the register
   */
  record Member(CensusSource census) implements EligibilityRule {
    Member {
      Objects.requireNonNull(census, "census");
    }

    @Override
    public Decision decide(Evidence evidence, EligibilityContext context) {
      Checked<ParticipantKey> identity =
          check(evidence.identity(), Attribute.IDENTITY, VerificationLevel.SELF_DECLARED, context);
      if (identity.refusal != null) {
        return identity.refusal;
      }
      CensusAnswer answer = census.lookup(identity.value);
      return switch (answer) {
        case MEMBER -> Decision.eligible();
        case NOT_MEMBER -> Decision.ineligible(Reason.of(ReasonCode.NOT_IN_CENSUS, census.name()));
        case UNAVAILABLE ->
            Decision.unresolved(Reason.of(ReasonCode.CENSUS_UNAVAILABLE, census.name()));
      };
    }
  }

  /**
   * The name of an area for messages: its {@code name_xx} properties per language (e.g. {@code
   * name_fr}, {@code name_nl}), else its {@code name} property, else its id.
   *
   * @param area the area
   * @return its name
   */
  public static LocalizedText nameOf(Area area) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    area.properties()
        .forEach(
            (key, value) -> {
              if (key.startsWith("name_") && value instanceof String text && !text.isBlank()) {
                names.put(key.substring(5), text);
              }
            });
    if (!names.isEmpty()) {
      try {
        return new LocalizedText(names);
      } catch (IllegalArgumentException notLanguageTags) {
        // name_xx keys that are not language tags: fall through
      }
    }
    return LocalizedText.of("en", area.text("name").orElse(area.id()));
  }

  private enum Attribute {
    IDENTITY(
        ReasonCode.IDENTITY_MISSING,
        ReasonCode.IDENTITY_PENDING,
        ReasonCode.IDENTITY_EXPIRED,
        ReasonCode.IDENTITY_NOT_VERIFIED),
    BIRTH_DATE(
        ReasonCode.BIRTH_DATE_MISSING,
        ReasonCode.BIRTH_DATE_PENDING,
        ReasonCode.BIRTH_DATE_EXPIRED,
        ReasonCode.BIRTH_DATE_NOT_VERIFIED),
    ADDRESS(
        ReasonCode.ADDRESS_MISSING,
        ReasonCode.ADDRESS_PENDING,
        ReasonCode.ADDRESS_EXPIRED,
        ReasonCode.ADDRESS_NOT_VERIFIED);

    final ReasonCode missing;
    final ReasonCode pending;
    final ReasonCode expired;
    final ReasonCode notVerified;

    Attribute(ReasonCode missing, ReasonCode pending, ReasonCode expired, ReasonCode notVerified) {
      this.missing = missing;
      this.pending = pending;
      this.expired = expired;
      this.notVerified = notVerified;
    }
  }

  /** A usable value, or the refusal that explains why there is none. */
  private static final class Checked<T> {
    final T value;
    final Decision refusal;

    Checked(T value, Decision refusal) {
      this.value = value;
      this.refusal = refusal;
    }
  }

  private static <T> Checked<T> check(
      Attestation<T> attestation,
      Attribute attribute,
      VerificationLevel required,
      EligibilityContext context) {
    if (attestation == null) {
      return new Checked<>(null, Decision.unresolved(Reason.of(attribute.missing)));
    }
    if (attestation instanceof Attestation.Pending<T>) {
      return new Checked<>(null, Decision.unresolved(Reason.of(attribute.pending)));
    }
    Attestation.Attested<T> attested = (Attestation.Attested<T>) attestation;
    if (attested.expiredAt(context.now())) {
      return new Checked<>(null, Decision.unresolved(Reason.of(attribute.expired)));
    }
    if (!attested.level().satisfies(required)) {
      return new Checked<>(
          null, Decision.unresolved(Reason.of(attribute.notVerified, required, attested.level())));
    }
    return new Checked<>(attested.value(), null);
  }

  private static List<EligibilityRule> nonEmpty(List<EligibilityRule> rules, String what) {
    Objects.requireNonNull(rules, "rules");
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(
          what + "() needs at least one rule: use Rules.everyone() or Rules.nobody().");
    }
    rules.forEach(r -> Objects.requireNonNull(r, "rule"));
    return List.copyOf(rules);
  }

  private static Set<String> nonEmptyCodes(Set<String> codes, String what) {
    Objects.requireNonNull(codes, what);
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(
          "A residence rule needs at least one of its " + what + ".");
    }
    Set<String> stripped = new LinkedHashSet<>();
    for (String code : codes) {
      if (code == null || code.isBlank()) {
        throw new IllegalArgumentException("One of the " + what + " is blank.");
      }
      stripped.add(code.strip());
    }
    return Set.copyOf(stripped);
  }
}
