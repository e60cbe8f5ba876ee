package org.polity.jakarta.eligibility;

import java.security.Principal;
import org.polity.eligibility.Evidence;
import org.polity.identity.ParticipantKey;

/**
 * SPI: what the host portal knows, verified, about the signed-in person: their identity, birth date
 * and address, each with how it was verified ({@link org.polity.eligibility.Attestation}). Polity
 * decides eligibility from it; it never stores it (see core's {@code RetentionPolicy}).
 *
 * <p>A portal supplies its identity provider's attestations by declaring one CDI bean of this type,
 * for instance reading the claims of the current OpenID Connect token:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class PortalEvidence implements EvidenceProvider {
 *   @Inject JsonWebToken token;
 *   public Evidence evidence(Principal user, ParticipantKey participant) {
 *     Instant at = Instant.ofEpochSecond(token.getIssuedAtTime());
 *     return Evidence.none()
 *         .withIdentity(Attestation.of(participant, VerificationLevel.IDENTITY_PROVIDER, at))
 *         .withBirthDate(Attestation.of(LocalDate.parse(token.getClaim("birthdate")),
 *             VerificationLevel.IDENTITY_PROVIDER, at));
 *   }
 * }
 * }</pre>
 *
 * <p>Without such a bean, a principal that implements this interface itself answers (the
 * development sign-in of {@code polity serve --development} does, from request headers); otherwise
 * the only evidence is the portal's sign-in, as a self-declared identity.
 */
public interface EvidenceProvider {

  /**
   * The evidence about a signed-in person.
   *
   * @param user the portal's principal
   * @param participant the participant key computed from the principal's name
   * @return what is known, verified; {@link Evidence#none()} plus the identity at the least
   */
  Evidence evidence(Principal user, ParticipantKey participant);
}
