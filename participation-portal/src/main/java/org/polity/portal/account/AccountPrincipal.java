package org.polity.portal.account;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.polity.eligibility.Address;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.eligibility.EvidenceProvider;

/**
 * The person signed in with a portal account. The name is {@code account:<id>}, never the e-mail,
 * so that the participant key derived from it does not change when the e-mail does. The evidence
 * for eligibility is what staff verified at the desk ({@link VerificationLevel#DESK}); without it,
 * the identity is self-declared and nothing else is known.
 *
 * @param accountId the account's id
 * @param displayName the name shown on the pages
 * @param createdAt when the account was created
 * @param verification what staff verified, if anything
 */
public record AccountPrincipal(
    String accountId, String displayName, Instant createdAt, Optional<Verification> verification)
    implements Principal, EvidenceProvider {

  /** The prefix of the principal's name. */
  public static final String PREFIX = "account:";

  /** Checks the parts. */
  public AccountPrincipal {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(createdAt, "createdAt");
    verification = verification == null ? Optional.empty() : verification;
  }

  /**
   * The principal of an account.
   *
   * @param account the account
   * @return the principal
   */
  public static AccountPrincipal of(Account account) {
    return new AccountPrincipal(
        account.id(), account.displayName(), account.createdAt(), account.verification());
  }

  @Override
  public String getName() {
    return PREFIX + accountId;
  }

  @Override
  public Evidence evidence(Principal user, ParticipantKey participant) {
    if (verification.isEmpty()) {
      return Evidence.none()
          .withIdentity(Attestation.of(participant, VerificationLevel.SELF_DECLARED, createdAt));
    }
    Verification seen = verification.get();
    VerificationLevel level =
        seen.document() == org.polity.eligibility.DeskAttestation.Document.NONE
            ? VerificationLevel.SELF_DECLARED
            : VerificationLevel.DESK;
    Evidence evidence =
        Evidence.none().withIdentity(Attestation.of(participant, level, seen.verifiedAt()));
    if (seen.birthDate().isPresent()) {
      evidence =
          evidence.withBirthDate(
              Attestation.of(seen.birthDate().get(), VerificationLevel.DESK, seen.verifiedAt()));
    }
    if (seen.municipalityCode().isPresent() || seen.postalCode().isPresent()) {
      Address address =
          new Address(seen.municipalityCode().orElse(null), seen.postalCode().orElse(null), null);
      evidence =
          evidence.withAddress(Attestation.of(address, VerificationLevel.DESK, seen.verifiedAt()));
    }
    return evidence;
  }
}
