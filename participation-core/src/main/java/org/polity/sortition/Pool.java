package org.polity.sortition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polity.common.LocalizedText;
import org.polity.eligibility.Decision;
import org.polity.eligibility.EligibilityContext;
import org.polity.eligibility.EligibilityRule;
import org.polity.eligibility.Evidence;

/**
 * The pool of respondents among whom the panel is drawn: immutable, in registration order, with
 * unique ids. Build it with {@link #builder()}; registering an id twice is refused (see {@link
 * Registration.RefusedDuplicate}) and leaves the pool unchanged.
 */
public final class Pool {

  private final List<Respondent> respondents;
  private final Map<String, Respondent> byId;

  private Pool(List<Respondent> respondents) {
    this.respondents = Collections.unmodifiableList(new ArrayList<>(respondents));
    Map<String, Respondent> index = new LinkedHashMap<>();
    for (Respondent r : respondents) {
      index.put(r.id(), r);
    }
    this.byId = Collections.unmodifiableMap(index);
  }

  /**
   * @return a builder for a new pool
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A pool of the given respondents.
   *
   * @param respondents respondents with unique ids
   * @return the pool
   * @throws IllegalArgumentException naming the first duplicate id
   */
  public static Pool of(List<Respondent> respondents) {
    Builder builder = builder();
    for (Respondent r : respondents) {
      if (builder.register(r) instanceof Registration.RefusedDuplicate refused) {
        throw new IllegalArgumentException(refused.reason().in(Locale.ENGLISH));
      }
    }
    return builder.build();
  }

  /**
   * @return the respondents in registration order
   */
  public List<Respondent> respondents() {
    return respondents;
  }

  /**
   * @return the number of respondents
   */
  public int size() {
    return respondents.size();
  }

  /**
   * @param id a respondent id
   * @return the respondent, if registered
   */
  public Optional<Respondent> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Collects registrations; refuses duplicates. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Respondent> registered = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a respondent unless the id is already taken.
     *
     * @param respondent the respondent
     * @return {@link Registration.Accepted} or {@link Registration.RefusedDuplicate}
     */
    public Registration register(Respondent respondent) {
      if (registered.containsKey(respondent.id())) {
        String id = respondent.id();
        return new Registration.RefusedDuplicate(
            id,
            LocalizedText.of(
                    "en",
                    "Respondent id '"
                        + id
                        + "' is already in the pool; each person registers once.")
                .with(
                    "fr",
                    "L'identifiant '"
                        + id
                        + "' est déjà dans le vivier ; chaque personne s'inscrit"
                        + " une seule fois.")
                .with(
                    "nl",
                    "Respondent-id '"
                        + id
                        + "' zit al in de pool; iedereen schrijft zich maar één"
                        + " keer in."));
      }
      registered.put(respondent.id(), respondent);
      return new Registration.Accepted(respondent.id());
    }

    /**
     * Registers a respondent if the assembly's eligibility rule admits them (e.g. residents aged 16
     * or more on the day of the draw) and the id is not already taken. The personal evidence is
     * used for the decision only; the pool keeps the respondent's quota features.
     *
     * @param respondent the respondent, with the features the quotas use
     * @param evidence what is known and verified about the person
     * @param rule the eligibility rule for being drawn ({@code BE_DRAWN})
     * @param context when and where the rule is evaluated
     * @return {@link Registration.Accepted}, {@link Registration.RefusedDuplicate} or {@link
     *     Registration.RefusedIneligible} (with every reason)
     */
    public Registration register(
        Respondent respondent,
        Evidence evidence,
        EligibilityRule rule,
        EligibilityContext context) {
      if (registered.containsKey(respondent.id())) {
        return register(respondent);
      }
      Decision decision = rule.decide(evidence, context);
      if (!(decision instanceof Decision.Eligible)) {
        return new Registration.RefusedIneligible(respondent.id(), decision);
      }
      return register(respondent);
    }

    /**
     * @return the pool of everyone accepted so far
     */
    public Pool build() {
      return new Pool(new ArrayList<>(registered.values()));
    }
  }
}
