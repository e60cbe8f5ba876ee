package org.polity.eligibility;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.polity.identity.AgeBand;
import org.polity.identity.ParticipantKey;
import org.polity.process.ParticipationAction;

/**
 * What a desk encoder checked about a resident before encoding their paper ballot: the identity
 * document seen, the birth date or the age band it shows, and the address when the rule asks for
 * one (a census rule needs nothing more: the register is looked up by the resident's key). The
 * eligibility rule of the budget is applied to this evidence exactly as to an online voter's
 * ({@link #decide}); what is kept afterwards is only {@link #basis()}: the kinds of evidence, never
 * their values.
 *
 * <pre>{@code
 * DeskAttestation seen = new DeskAttestation(
 *     DeskAttestation.Document.IDENTITY_CARD,
 *     Optional.of(LocalDate.of(2012, 3, 4)), Optional.empty(), Optional.empty());
 * Decision decision = seen.decide(policy, ParticipationAction.VOTE, key, context);
 * }</pre>
 *
 * @param document the document the encoder checked; {@link Document#NONE} when none was shown (the
 *     identity then counts as self-declared)
 * @param birthDate the birth date read on the document, if the encoder noted it
 * @param ageBand the age band the encoder checked instead of the birth date (for instance "at least
 *     16"), if any
 * @param address the address checked, if the encoder noted one
 */
public record DeskAttestation(
    Document document,
    Optional<LocalDate> birthDate,
    Optional<AgeBand> ageBand,
    Optional<Address> address) {

  /** The age taken for the oldest end of an open age band. */
  private static final int OLDEST_AGE = 130;

  /** The identity documents a desk may check. */
  public enum Document {
    /** A national identity card (or an electronic one read by a card reader). */
    IDENTITY_CARD,
    /** A passport. */
    PASSPORT,
    /** A residence permit. */
    RESIDENCE_PERMIT,
    /** A driving licence. */
    DRIVING_LICENCE,
    /** Another official document with a photograph. */
    OTHER,
    /** No document was shown. */
    NONE
  }

  /** Refuses missing parts and a birth date given together with an age band. */
  public DeskAttestation {
    Objects.requireNonNull(document, "document");
    birthDate = birthDate == null ? Optional.empty() : birthDate;
    ageBand = ageBand == null ? Optional.empty() : ageBand;
    address = address == null ? Optional.empty() : address;
    if (birthDate.isPresent() && ageBand.isPresent()) {
      throw new IllegalArgumentException(
          "A desk attestation gives a birth date or an age band, not both: keep the birth date.");
    }
  }

  /**
   * Nothing checked: no document, no age, no address.
   *
   * @return the empty attestation
   */
  public static DeskAttestation nothing() {
    return new DeskAttestation(Document.NONE, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Decides whether the resident may take an action, from what the encoder attested. An age band
   * stands for every birth date it allows: the resident is eligible only when the rule admits both
   * the youngest and the oldest of them (rules on age are intervals, so both ends suffice);
   * otherwise the decision for the end that fails is given.
   *
   * @param policy the budget's rules
   * @param action the action, usually {@link ParticipationAction#VOTE}
   * @param resident the resident's key (from the identifier on the paper ballot)
   * @param context when, and in which zone
   * @return the decision
   */
  public Decision decide(
      EligibilityPolicy policy,
      ParticipationAction action,
      ParticipantKey resident,
      EligibilityContext context) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(resident, "resident");
    Objects.requireNonNull(context, "context");
    VerificationLevel level =
        document == Document.NONE ? VerificationLevel.SELF_DECLARED : VerificationLevel.DESK;
    Evidence base = Evidence.none().withIdentity(Attestation.of(resident, level, context.now()));
    if (address.isPresent()) {
      base = base.withAddress(Attestation.of(address.get(), level, context.now()));
    }
    if (birthDate.isPresent()) {
      return policy.decide(
          action,
          base.withBirthDate(Attestation.of(birthDate.get(), level, context.now())),
          context);
    }
    if (ageBand.isEmpty()) {
      return policy.decide(action, base, context);
    }
    LocalDate today = context.today();
    AgeBand band = ageBand.get();
    // The youngest: turned band.from() today. The oldest: one day short of band.to() + 1.
    LocalDate youngest = today.minusYears(band.from());
    Decision young =
        policy.decide(
            action, base.withBirthDate(Attestation.of(youngest, level, context.now())), context);
    if (!young.isEligible()) {
      return young;
    }
    // An open band ("at least 16") allows any age: its oldest end is as old as anybody gets.
    LocalDate oldest =
        band.to() == null
            ? today.minusYears(OLDEST_AGE)
            : today.minusYears(band.to() + 1L).plusDays(1);
    return policy.decide(
        action, base.withBirthDate(Attestation.of(oldest, level, context.now())), context);
  }

  /**
   * The kinds of evidence checked, without their values: what a desk keeps about an attestation.
   *
   * @return the basis
   */
  public Basis basis() {
    return new Basis(
        document,
        birthDate.isPresent() ? "birth-date" : ageBand.isPresent() ? "age-band" : "none",
        address.isPresent() ? "address" : "none");
  }

  /**
   * The kinds of evidence a desk encoder checked, as kept in the record of attestations.
   *
   * @param document the document checked
   * @param age {@code birth-date}, {@code age-band} or {@code none}
   * @param residence {@code address} or {@code none}
   */
  public record Basis(Document document, String age, String residence) {
    /** Refuses missing parts. */
    public Basis {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(age, "age");
      Objects.requireNonNull(residence, "residence");
    }

    /**
     * The document's name as stored and shown: {@code identity-card}, {@code passport}, ...
     *
     * @return the name
     */
    public String documentName() {
      return document.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
