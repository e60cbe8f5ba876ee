package org.polity.jakarta.standalone.auth;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.identity.ParticipantKey;
import org.polity.jakarta.eligibility.EvidenceProvider;

/**
 * The person named by a verified access token. Its name is the value of the user claim ({@code sub}
 * by default), from which the participant key is derived; nothing else about the person is kept. As
 * evidence for eligibility rules it attests the identity only, at the level that {@code
 * polity.auth.identity-level} gives the identity provider.
 *
 * @param name the user claim's value
 * @param issuedAt when the token was issued, or null when it does not say
 * @param level how well the identity provider verified who the person is
 */
record TokenPrincipal(String name, Instant issuedAt, VerificationLevel level)
    implements Principal, EvidenceProvider {

  /** Refuses a null name or level. */
  TokenPrincipal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Evidence evidence(Principal user, ParticipantKey participant) {
    return Evidence.none()
        .withIdentity(
            Attestation.of(participant, level, issuedAt == null ? Instant.now() : issuedAt));
  }

  /** Without the name: the log must not learn who signed in. */
  @Override
  public String toString() {
    return "TokenPrincipal[level=" + level + "]";
  }
}
